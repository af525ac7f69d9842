package org.mingze.quiz.exam;

import java.math.BigDecimal;
import org.mingze.quiz.QuestionType;

/**
 * Per-question statistics over each person's first graded attempt (Moodle's default), following Moodle's quiz
 * statistics: x is a person's score on the question, T their total on the paper.
 *
 * @param responses       attempts in which the question was given
 * @param correctRate     share of fully correct answers in percent
 * @param facilityIndex   mean score on the question as a percentage of its maximum (Moodle "Facility index")
 * @param discrimination  Pearson correlation of x with the rest of the paper (T - x), times 100 (Moodle
 *                        "Discrimination index"); null when it cannot be computed (fewer than 2 responses or no
 *                        variance)
 * @param efficiency      the discrimination index as a percentage of the largest it could be given the
 *                        distributions (Moodle "Discriminative efficiency"); null when it cannot be computed
 */
public record QuestionStat(String questionId, QuestionType type, String stem, BigDecimal maxPoints, int responses,
                           double correctRate, double facilityIndex, Double discrimination, Double efficiency) {
}
