package org.mingze.quiz.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.mingze.quiz.Grade;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each person's wrong-answer book (错题本), without access checks (callers are the practice and study-check
 * services and, later, the test engine of this module; each passes the member it acts for). A wrong, partly right
 * or unanswered question enters the book; {@value WrongAnswer#TO_MASTER} correct answers in a row, from any practice,
 * check or test, take it out. Essays waiting for a person ({@link Grade.Outcome#MANUAL}) change nothing.
 */
@Component
public class WrongAnswerBook {

    /** What one answer did to the book. */
    public enum Change {
        /** Nothing: right, and not in the book; or an essay. */
        NONE,
        /** Wrong: the question is in the book now (new, back again, or still there). */
        ENTERED,
        /** Right, but one correct answer in a row is not yet enough: it stays in the book. */
        STAYED,
        /** Right for the second time in a row: out of the book. */
        LEFT
    }

    private final WrongAnswerRepository rows;
    private final Clock clock;
    private final java.util.concurrent.ConcurrentMap<Long, Object> locks =
            new java.util.concurrent.ConcurrentHashMap<>();

    WrongAnswerBook(WrongAnswerRepository rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    /**
     * The lock of a person's book: held by callers around their transaction (until it commits), so that two answers
     * of the same person never update the same row at once.
     */
    public Object lock(long memberId) {
        return locks.computeIfAbsent(memberId, k -> new Object());
    }

    /** Records one graded answer of a person to a question, in practice or a study check. */
    @Transactional
    public Change record(long memberId, String questionId, Grade.Outcome outcome) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        switch (outcome) {
            case MANUAL -> {
                return Change.NONE;
            }
            case CORRECT -> {
                WrongAnswer row = rows.findByMemberIdAndQuestionId(memberId, questionId).orElse(null);
                if (row == null) {
                    return Change.NONE;
                }
                boolean wasIn = row.isInBook();
                boolean left = row.correct(now);
                rows.save(row);
                return left ? Change.LEFT : wasIn ? Change.STAYED : Change.NONE;
            }
            default -> {
                WrongAnswer row = rows.findByMemberIdAndQuestionId(memberId, questionId)
                        .orElseGet(() -> new WrongAnswer(memberId, questionId, now));
                row.wrong(now);
                rows.save(row);
                return Change.ENTERED;
            }
        }
    }

    /**
     * The seam for the test engine: an answer graded in a test counts for the book as one in practice does (a wrong
     * one enters it, a right one counts towards leaving it).
     */
    @Transactional
    public Change recordTestAnswer(long memberId, String questionId, Grade.Outcome outcome) {
        return record(memberId, questionId, outcome);
    }

    /** The questions in the person's book that are in use, the most recently missed first. */
    @Transactional(readOnly = true)
    public List<WrongAnswer> book(long memberId) {
        return rows.book(memberId);
    }

    @Transactional(readOnly = true)
    public java.util.Optional<WrongAnswer> entry(long memberId, String questionId) {
        return rows.findByMemberIdAndQuestionId(memberId, questionId);
    }
}
