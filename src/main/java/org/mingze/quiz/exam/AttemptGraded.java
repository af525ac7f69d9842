package org.mingze.quiz.exam;

import java.math.BigDecimal;

/**
 * Published when an attempt is fully graded (at once when it has no essay, else when the last essay is graded).
 *
 * @param score  never above {@code max}
 */
public record AttemptGraded(long attemptId, long examId, long memberId, ExamPurpose purpose, BigDecimal score,
                            BigDecimal max, boolean passed) {
}
