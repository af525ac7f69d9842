package org.mingze.quiz.exam;

import java.util.Objects;

/**
 * What a learner sees of their attempt and when.
 *
 * @param level            what is shown once shown at all
 * @param onlyAfterClose   nothing (not even the score) before the test's close time has passed
 */
public record ReviewPolicy(ReviewLevel level, boolean onlyAfterClose) {

    public ReviewPolicy {
        Objects.requireNonNull(level, "level");
    }

    public static ReviewPolicy scoreOnly() {
        return new ReviewPolicy(ReviewLevel.SCORE, false);
    }
}
