package org.mingze.quiz.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.mingze.quiz.Question;
import org.mingze.quiz.QuestionType;

/**
 * A question's identity and present state: the number and hash of its current version, the fields of that version
 * that lists filter on, retirement, origin and the hash of the content last imported from its file.
 */
@Entity
@Table(name = "quiz_question")
public class StoredQuestion {

    @Id
    private String id;
    @Column(name = "current_version", nullable = false)
    private int currentVersion;
    @Column(name = "current_hash", nullable = false)
    private String currentHash;
    @Column(nullable = false)
    private String bank;
    @Enumerated(EnumType.STRING)
    @Column(name = "question_type", nullable = false)
    private QuestionType type;
    @Column(nullable = false)
    private String stem;
    private String category;
    @Column(nullable = false)
    private int difficulty;
    private String source;
    @Column(name = "source_material")
    private String sourceMaterial;
    @ElementCollection
    @CollectionTable(name = "quiz_question_tag", joinColumns = @JoinColumn(name = "question_id"))
    @Column(name = "tag")
    private Set<String> tags = new HashSet<>();
    @Column(nullable = false)
    private boolean retired;
    @Column(name = "retired_by_content", nullable = false)
    private boolean retiredByContent;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Origin origin;
    @Column(name = "origin_file")
    private String originFile;
    @Column(name = "import_hash")
    private String importHash;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "updated_by", nullable = false)
    private String updatedBy;
    @Version
    @Column(name = "lock_version")
    private long lockVersion;

    protected StoredQuestion() {
    }

    public StoredQuestion(String id, Origin origin, Instant now) {
        this.id = id;
        this.origin = origin;
        this.createdAt = now;
    }

    /** Makes version {@code version} of content {@code q} the current one and copies the fields lists need. */
    void becomes(int version, String hash, Question q, Instant now, String by) {
        this.currentVersion = version;
        this.currentHash = hash;
        this.bank = q.bank();
        this.type = q.type();
        this.stem = q.stem();
        this.category = q.category();
        this.difficulty = q.difficulty();
        this.source = q.source();
        this.sourceMaterial = q.sourceMaterial();
        this.tags.clear();
        this.tags.addAll(q.tags());
        touch(now, by);
    }

    void touch(Instant now, String by) {
        this.updatedAt = now;
        this.updatedBy = by;
    }

    void setRetired(boolean retired, boolean byContent) {
        this.retired = retired;
        this.retiredByContent = retired && byContent;
    }

    void importedFrom(String file, String hash) {
        this.origin = Origin.CONTENT;
        this.originFile = file;
        this.importHash = hash;
    }

    public String getId() {
        return id;
    }

    public int getCurrentVersion() {
        return currentVersion;
    }

    public String getCurrentHash() {
        return currentHash;
    }

    public String getBank() {
        return bank;
    }

    public QuestionType getType() {
        return type;
    }

    public String getStem() {
        return stem;
    }

    public String getCategory() {
        return category;
    }

    public int getDifficulty() {
        return difficulty;
    }

    public String getSource() {
        return source;
    }

    public String getSourceMaterial() {
        return sourceMaterial;
    }

    public Set<String> getTags() {
        return tags;
    }

    public boolean isRetired() {
        return retired;
    }

    public boolean isRetiredByContent() {
        return retiredByContent;
    }

    public Origin getOrigin() {
        return origin;
    }

    public String getOriginFile() {
        return originFile;
    }

    public String getImportHash() {
        return importHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}
