package org.mingze.quiz.exam.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import org.mingze.quiz.exam.DrawMode;
import org.mingze.quiz.exam.PaperKind;

/** A paper's head row; its items or sections are rows of their own ({@link ExamJdbc}). */
@Entity
@Table(name = "quiz_paper")
public class StoredPaper {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String title;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PaperKind kind;
    @Enumerated(EnumType.STRING)
    @Column(name = "draw_mode")
    private DrawMode drawMode;
    @Column(name = "owner_unit_id", nullable = false)
    private long ownerUnitId;
    @Column(name = "max_points", nullable = false)
    private BigDecimal maxPoints;
    @Column(name = "question_count", nullable = false)
    private int questionCount;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "updated_by", nullable = false)
    private String updatedBy;
    @Version
    private long version;

    protected StoredPaper() {
    }

    public StoredPaper(long ownerUnitId, Instant now, String actor) {
        this.ownerUnitId = ownerUnitId;
        this.createdAt = now;
        this.createdBy = actor;
    }

    public void set(String title, PaperKind kind, DrawMode drawMode, BigDecimal maxPoints, int questionCount,
                    Instant now, String actor) {
        this.title = title;
        this.kind = kind;
        this.drawMode = kind == PaperKind.DRAWN ? (drawMode == null ? DrawMode.PER_ATTEMPT : drawMode) : null;
        this.maxPoints = maxPoints;
        this.questionCount = questionCount;
        this.updatedAt = now;
        this.updatedBy = actor;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public PaperKind getKind() {
        return kind;
    }

    public DrawMode getDrawMode() {
        return drawMode;
    }

    public long getOwnerUnitId() {
        return ownerUnitId;
    }

    public BigDecimal getMaxPoints() {
        return maxPoints;
    }

    public int getQuestionCount() {
        return questionCount;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}
