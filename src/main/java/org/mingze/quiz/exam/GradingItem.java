package org.mingze.quiz.exam;

import java.math.BigDecimal;
import java.time.Instant;
import org.mingze.quiz.ShownQuestion;

/**
 * An essay waiting for an organiser: the question, the learner's text and the reference answer.
 *
 * @param points  the points already given (re-grading), or null
 */
public record GradingItem(long attemptId, int position, long examId, String examTitle, long memberId,
                          String memberName, String unitName, ShownQuestion question, String answerText,
                          String referenceAnswer, BigDecimal maxPoints, Instant submittedAt, BigDecimal points,
                          String comment) {
}
