package org.mingze.quiz;

import java.math.BigDecimal;
import java.util.List;

/**
 * A material's study check as its page gets it: 3-5 questions on the material, without answers, all answered on
 * one page and submitted together.
 *
 * @param max    the points of all its questions
 * @param needed the points that pass it ({@value StudyCheckResult#PASS_PERCENT}% of max)
 */
public record StudyCheck(String id, String materialId, String materialTitle, List<ShownQuestion> questions,
                         BigDecimal max, BigDecimal needed) {

    public StudyCheck {
        questions = List.copyOf(questions);
    }
}
