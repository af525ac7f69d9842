package org.mingze.quiz.exam;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One of a learner's attempts, for their own lists.
 *
 * @param number 1 for the first attempt
 * @param score  null while the review policy hides it (or while essays wait)
 * @param passed null when the score is hidden
 */
public record AttemptSummary(long attemptId, int number, AttemptStatus status, ClosedBy closedBy, Instant startedAt,
                             Instant closedAt, BigDecimal score, BigDecimal maxPoints, Boolean passed) {
}
