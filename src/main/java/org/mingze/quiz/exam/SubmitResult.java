package org.mingze.quiz.exam;

import java.time.Instant;

/**
 * The outcome of a submit. A repeated submit (double click, a second tab, a retry) returns the same attempt with
 * {@code alreadyClosed} true: there is always exactly one result. Ask {@link AttemptService#result} for what the
 * review policy lets the learner see.
 */
public record SubmitResult(long attemptId, long examId, AttemptStatus status, ClosedBy closedBy, Instant closedAt,
                           boolean alreadyClosed) {
}
