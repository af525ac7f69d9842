package org.mingze.quiz;

import java.math.BigDecimal;
import java.util.List;

/**
 * A submitted study check: passed when the points reach {@value #PASS_PERCENT}% of the maximum (so one question of
 * five may be missed, none of three), with the feedback of every question.
 *
 * @param newlyStudied the material was not marked studied by a check before
 */
public record StudyCheckResult(boolean passed, BigDecimal points, BigDecimal max, BigDecimal needed,
                               List<Item> items, boolean newlyStudied) {

    public static final int PASS_PERCENT = 80;

    public StudyCheckResult {
        items = List.copyOf(items);
    }

    public record Item(String questionId, Feedback feedback) {
    }
}
