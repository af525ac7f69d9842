package org.mingze.quiz.exam;

/**
 * What one counted tab leave did.
 *
 * @param leaves the leaves counted so far
 * @param limit  the leave that submits (SUBMIT_AFTER), else 0
 */
public record TabLeaveResult(int leaves, int limit, Outcome outcome) {

    public enum Outcome {
        /** Counted only. */
        COUNTED,
        /** Counted: show the learner a warning (with leaves/limit). */
        WARNED,
        /** The limit was reached: the attempt is closed and graded. */
        CLOSED
    }
}
