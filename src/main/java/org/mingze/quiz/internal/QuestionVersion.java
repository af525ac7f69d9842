package org.mingze.quiz.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.mingze.quiz.Question;
import org.mingze.quiz.QuestionType;

/** One version of a question, complete and never changed once stored. */
@Entity
@Immutable
@Table(name = "quiz_question_version")
public class QuestionVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "question_id", nullable = false, updatable = false)
    private String questionId;
    @Column(nullable = false, updatable = false)
    private int version;
    @Column(nullable = false, updatable = false)
    private String bank;
    @Enumerated(EnumType.STRING)
    @Column(name = "question_type", nullable = false, updatable = false)
    private QuestionType type;
    @Column(nullable = false, updatable = false)
    private String stem;
    @Column(name = "options_json", nullable = false, updatable = false)
    private String optionsJson;
    @Column(name = "answer_json", nullable = false, updatable = false)
    private String answerJson;
    @Column(nullable = false, updatable = false)
    private String explanation;
    @Column(updatable = false)
    private String source;
    @Column(name = "tags_json", nullable = false, updatable = false)
    private String tagsJson;
    @Column(updatable = false)
    private String category;
    @Column(nullable = false, updatable = false)
    private int difficulty;
    @Column(nullable = false, updatable = false, precision = 6, scale = 2)
    private BigDecimal points;
    @Column(name = "content_hash", nullable = false, updatable = false)
    private String contentHash;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;
    @Column(name = "created_from", nullable = false, updatable = false)
    private String createdFrom;

    protected QuestionVersion() {
    }

    /** @param from the bank file it was imported from ("content/questions/fagui.yaml") or "app" */
    QuestionVersion(Question q, int version, String hash, Instant at, String by, String from) {
        this.questionId = q.id();
        this.version = version;
        this.bank = q.bank();
        this.type = q.type();
        this.stem = q.stem();
        this.optionsJson = QuestionJson.strings(q.options());
        this.answerJson = QuestionJson.answer(q.answer());
        this.explanation = q.explanation();
        this.source = q.source();
        this.tagsJson = QuestionJson.strings(q.tags());
        this.category = q.category();
        this.difficulty = q.difficulty();
        this.points = q.points();
        this.contentHash = hash;
        this.createdAt = at;
        this.createdBy = by;
        this.createdFrom = from;
    }

    public Question toQuestion(boolean retired) {
        return new Question(questionId, version, bank, type, stem, QuestionJson.strings(optionsJson),
                QuestionJson.answer(answerJson), explanation, source, QuestionJson.strings(tagsJson), category,
                difficulty, QuestionValidator.plain(points), retired);
    }

    public String getQuestionId() {
        return questionId;
    }

    public int getVersion() {
        return version;
    }

    public String getContentHash() {
        return contentHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public String getCreatedFrom() {
        return createdFrom;
    }
}
