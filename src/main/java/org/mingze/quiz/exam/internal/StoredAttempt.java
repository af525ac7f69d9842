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
import org.mingze.quiz.exam.AttemptStatus;
import org.mingze.quiz.exam.ClosedBy;

/** An attempt's head row; its questions and answers are {@code quiz_attempt_item} rows ({@link ExamJdbc}). */
@Entity
@Table(name = "quiz_attempt")
public class StoredAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "exam_id", nullable = false, updatable = false)
    private long examId;
    @Column(name = "member_id", nullable = false, updatable = false)
    private long memberId;
    @Column(name = "attempt_no", nullable = false, updatable = false)
    private int attemptNo;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AttemptStatus status;
    @Enumerated(EnumType.STRING)
    @Column(name = "closed_by")
    private ClosedBy closedBy;
    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;
    @Column(nullable = false)
    private Instant deadline;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "holder_token", nullable = false)
    private String holderToken;
    @Column(name = "tab_leaves", nullable = false)
    private int tabLeaves;
    @Column(name = "question_count", nullable = false)
    private int questionCount;
    @Column(name = "max_points", nullable = false)
    private BigDecimal maxPoints;
    private BigDecimal score;
    private Boolean passed;
    @Column(name = "graded_at")
    private Instant gradedAt;
    @Version
    private long version;

    protected StoredAttempt() {
    }

    public StoredAttempt(long examId, long memberId, int attemptNo, Instant startedAt, Instant deadline,
                         String holderToken, int questionCount, BigDecimal maxPoints) {
        this.examId = examId;
        this.memberId = memberId;
        this.attemptNo = attemptNo;
        this.status = AttemptStatus.IN_PROGRESS;
        this.startedAt = startedAt;
        this.deadline = deadline;
        this.holderToken = holderToken;
        this.questionCount = questionCount;
        this.maxPoints = maxPoints;
    }

    public void close(ClosedBy by, Instant at) {
        closedBy = by;
        closedAt = at;
    }

    public void graded(AttemptStatus newStatus, BigDecimal total, Boolean pass, Instant at) {
        status = newStatus;
        score = total;
        passed = pass;
        gradedAt = newStatus == AttemptStatus.GRADED ? at : null;
    }

    public void hold(String token) {
        holderToken = token;
    }

    public int leaveTab() {
        return ++tabLeaves;
    }

    public void extendTo(Instant newDeadline) {
        deadline = newDeadline;
    }

    public Long getId() {
        return id;
    }

    public long getExamId() {
        return examId;
    }

    public long getMemberId() {
        return memberId;
    }

    public int getAttemptNo() {
        return attemptNo;
    }

    public AttemptStatus getStatus() {
        return status;
    }

    public ClosedBy getClosedBy() {
        return closedBy;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getDeadline() {
        return deadline;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getHolderToken() {
        return holderToken;
    }

    public int getTabLeaves() {
        return tabLeaves;
    }

    public int getQuestionCount() {
        return questionCount;
    }

    public BigDecimal getMaxPoints() {
        return maxPoints;
    }

    public BigDecimal getScore() {
        return score;
    }

    public Boolean getPassed() {
        return passed;
    }
}
