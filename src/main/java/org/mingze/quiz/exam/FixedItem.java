package org.mingze.quiz.exam;

import java.math.BigDecimal;

/**
 * One chosen question of a fixed paper, in the paper's order.
 *
 * @param points its points in this paper (0.5 .. 100, two decimals); null takes the question's own points
 */
public record FixedItem(String questionId, BigDecimal points) {
}
