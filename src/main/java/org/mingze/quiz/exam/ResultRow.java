package org.mingze.quiz.exam;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A person's result in a test: the attempt that counts by the test's {@link CountedAttempt} among the graded ones.
 *
 * @param countedAttemptId null when the person has no graded attempt
 * @param score            of the counted attempt, or null
 * @param percent          score / maximum in percent (two decimals), or null
 * @param passed           null without a counted attempt
 * @param awaitingManual   attempts waiting for an essay grade
 * @param durationSeconds  of the counted attempt, or null
 */
public record ResultRow(long memberId, String memberName, String employeeNo, String unitName, int attemptsUsed,
                        Long countedAttemptId, BigDecimal score, BigDecimal maxPoints, BigDecimal percent,
                        Boolean passed, int awaitingManual, Instant submittedAt, Long durationSeconds,
                        ClosedBy closedBy) {
}
