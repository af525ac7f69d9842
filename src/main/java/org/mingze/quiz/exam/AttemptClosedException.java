package org.mingze.quiz.exam;

/**
 * The attempt no longer takes answers: it was submitted, or its deadline has passed (then it is closed and graded
 * now, if the sweeper had not done so yet). The page should show the result instead (exam.closed).
 */
public class AttemptClosedException extends RuntimeException {

    private final long attemptId;
    private final ClosedBy closedBy;

    public AttemptClosedException(long attemptId, ClosedBy closedBy) {
        super("attempt " + attemptId + " is closed (" + closedBy + ")");
        this.attemptId = attemptId;
        this.closedBy = closedBy;
    }

    public long attemptId() {
        return attemptId;
    }

    /** How it was closed. */
    public ClosedBy closedBy() {
        return closedBy;
    }
}
