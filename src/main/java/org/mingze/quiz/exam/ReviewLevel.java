package org.mingze.quiz.exam;

/** How much of a graded attempt its learner sees: each level includes the one before. */
public enum ReviewLevel {
    /** The total, pass or fail, and the points of each question. */
    SCORE,
    /** Also the correct answers. */
    ANSWERS,
    /** Also the explanations, with a link to the material section. */
    EXPLANATIONS;

    public boolean includes(ReviewLevel other) {
        return compareTo(other) >= 0;
    }

    public String labelKey() {
        return "exam.review." + name();
    }
}
