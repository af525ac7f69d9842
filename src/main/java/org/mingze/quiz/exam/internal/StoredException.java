package org.mingze.quiz.exam.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A per-person exception to a test's settings. */
@Entity
@Table(name = "quiz_exam_exception")
public class StoredException {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "exam_id", nullable = false, updatable = false)
    private long examId;
    @Column(name = "member_id", nullable = false, updatable = false)
    private long memberId;
    @Column(name = "extra_minutes")
    private Integer extraMinutes;
    @Column(name = "closes_at")
    private Instant closesAt;
    @Column(name = "extra_attempts", nullable = false)
    private int extraAttempts;
    @Column(nullable = false)
    private String reason;
    @Column(name = "granted_by", nullable = false)
    private String grantedBy;
    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;
    @Version
    private long version;

    protected StoredException() {
    }

    public StoredException(long examId, long memberId) {
        this.examId = examId;
        this.memberId = memberId;
    }

    public void set(Integer extraMinutes, Instant closesAt, int extraAttempts, String reason, String by,
                    Instant at) {
        this.extraMinutes = extraMinutes;
        this.closesAt = closesAt;
        this.extraAttempts = extraAttempts;
        this.reason = reason;
        this.grantedBy = by;
        this.grantedAt = at;
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

    public Integer getExtraMinutes() {
        return extraMinutes;
    }

    public Instant getClosesAt() {
        return closesAt;
    }

    public int getExtraAttempts() {
        return extraAttempts;
    }

    public String getReason() {
        return reason;
    }

    public String getGrantedBy() {
        return grantedBy;
    }

    public Instant getGrantedAt() {
        return grantedAt;
    }
}
