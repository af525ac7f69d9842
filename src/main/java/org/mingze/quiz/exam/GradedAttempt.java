package org.mingze.quiz.exam;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A fully graded attempt of a test, for other modules that reconcile what they learnt from {@link AttemptGraded}
 * events (an event handler that failed must not lose a result).
 */
public record GradedAttempt(long attemptId, long examId, long memberId, int attemptNo, BigDecimal score,
                            BigDecimal max, boolean passed, Instant closedAt) {
}
