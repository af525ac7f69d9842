package org.mingze.quiz;

import java.math.BigDecimal;

/**
 * The result of grading one response.
 *
 * @param points the points earned (0 .. max); 0 for an essay until a person grades it
 * @param max    the question's points in this paper or practice
 */
public record Grade(Outcome outcome, BigDecimal points, BigDecimal max) {

    public enum Outcome {
        /** Full points. */
        CORRECT,
        /** Some points: a multiple choice with only correct options but not all of them, or some blanks right. */
        PARTIAL,
        /** No points. */
        WRONG,
        /** Nothing answered: no points. */
        UNANSWERED,
        /** An essay: waits for a person to grade it. */
        MANUAL
    }

    public boolean correct() {
        return outcome == Outcome.CORRECT;
    }
}
