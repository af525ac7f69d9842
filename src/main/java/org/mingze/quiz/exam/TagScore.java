package org.mingze.quiz.exam;

import java.math.BigDecimal;

/**
 * One tag of the questions in a graded attempt: how many of its questions were asked, how many did not earn full
 * points, and the points earned of the points possible. A question with two tags counts for both.
 */
public record TagScore(String tag, int questions, int wrong, BigDecimal earned, BigDecimal max) {
}
