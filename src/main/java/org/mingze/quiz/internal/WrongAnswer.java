package org.mingze.quiz.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A question in a person's wrong-answer book (错题本), or one that was and has been mastered: how often it was
 * answered wrong, how many correct answers followed the last wrong one, and whether it is in the book now.
 */
@Entity
@Table(name = "quiz_wrong_answer")
public class WrongAnswer {

    /** Correct answers in a row that take a question out of the book. */
    public static final int TO_MASTER = org.mingze.quiz.WrongBook.TO_MASTER;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "member_id", nullable = false, updatable = false)
    private Long memberId;
    @Column(name = "question_id", nullable = false, updatable = false)
    private String questionId;
    @Column(name = "times_wrong", nullable = false)
    private int timesWrong;
    @Column(name = "consecutive_correct", nullable = false)
    private int consecutiveCorrect;
    @Column(name = "first_wrong_at", nullable = false, updatable = false)
    private Instant firstWrongAt;
    @Column(name = "last_wrong_at", nullable = false)
    private Instant lastWrongAt;
    @Column(name = "last_answered_at", nullable = false)
    private Instant lastAnsweredAt;
    @Column(name = "in_book", nullable = false)
    private boolean inBook;
    @Column(name = "mastered_at")
    private Instant masteredAt;
    @Version
    private long version;

    protected WrongAnswer() {
    }

    WrongAnswer(long memberId, String questionId, Instant now) {
        this.memberId = memberId;
        this.questionId = questionId;
        this.firstWrongAt = now;
        this.lastWrongAt = now;
        this.lastAnsweredAt = now;
    }

    /** Answered wrong (or only partly right): into the book, the run of correct answers starts again. */
    void wrong(Instant now) {
        timesWrong++;
        consecutiveCorrect = 0;
        lastWrongAt = now;
        lastAnsweredAt = now;
        inBook = true;
        masteredAt = null;
    }

    /** Answered right: one more in a row; the second in a row takes it out of the book. @return it left the book */
    boolean correct(Instant now) {
        lastAnsweredAt = now;
        if (!inBook) {
            return false;
        }
        consecutiveCorrect++;
        if (consecutiveCorrect >= TO_MASTER) {
            inBook = false;
            masteredAt = now;
            return true;
        }
        return false;
    }

    public Long getMemberId() {
        return memberId;
    }

    public String getQuestionId() {
        return questionId;
    }

    public int getTimesWrong() {
        return timesWrong;
    }

    public int getConsecutiveCorrect() {
        return consecutiveCorrect;
    }

    public Instant getFirstWrongAt() {
        return firstWrongAt;
    }

    public Instant getLastWrongAt() {
        return lastWrongAt;
    }

    public Instant getLastAnsweredAt() {
        return lastAnsweredAt;
    }

    public boolean isInBook() {
        return inBook;
    }

    public Instant getMasteredAt() {
        return masteredAt;
    }
}
