package org.mingze.quiz.exam;

import java.math.BigDecimal;
import java.util.List;
import org.mingze.quiz.QuestionType;

/**
 * A rule of a drawn paper: {@code count} questions in use (current version, not retired) that match every filter
 * given; an empty list or null means "any". A question that fits two sections goes to the first.
 *
 * @param title         shown to organisers, e.g. 一、单选题; may be blank
 * @param banks         the banks to draw from
 * @param tags          at least one of these tags
 * @param types         the question types
 * @param minDifficulty 1..5
 * @param maxDifficulty 1..5, not below minDifficulty
 * @param count         how many questions (1..200)
 * @param pointsEach    the points of each drawn question (0.5 .. 100)
 */
public record DrawSection(String title, List<String> banks, List<String> tags, List<QuestionType> types,
                          int minDifficulty, int maxDifficulty, int count, BigDecimal pointsEach) {

    public DrawSection {
        banks = banks == null ? List.of() : List.copyOf(banks);
        tags = tags == null ? List.of() : List.copyOf(tags);
        types = types == null ? List.of() : List.copyOf(types);
    }

    /** A section over all difficulties. */
    public static DrawSection of(String title, List<String> banks, List<String> tags, List<QuestionType> types,
                                 int count, BigDecimal pointsEach) {
        return new DrawSection(title, banks, tags, types, 1, 5, count, pointsEach);
    }

    /** The section's share of the paper's maximum. */
    public BigDecimal maxPoints() {
        return pointsEach == null ? BigDecimal.ZERO : pointsEach.multiply(BigDecimal.valueOf(count));
    }
}
