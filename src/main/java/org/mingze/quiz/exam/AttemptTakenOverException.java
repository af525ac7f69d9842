package org.mingze.quiz.exam;

/**
 * The attempt was opened again in another tab or on another device; this holder token is stale. The page should say
 * that the attempt continued elsewhere (exam.taken-over) and stop saving; nothing the other holder saved is lost.
 */
public class AttemptTakenOverException extends RuntimeException {

    private final long attemptId;

    public AttemptTakenOverException(long attemptId) {
        super("attempt " + attemptId + " continued elsewhere");
        this.attemptId = attemptId;
    }

    public long attemptId() {
        return attemptId;
    }
}
