package org.mingze.quiz.exam;

/** When a drawn paper is drawn. */
public enum DrawMode {
    /** Afresh for each attempt. */
    PER_ATTEMPT,
    /** Once, at the first attempt of the test; everyone gets that draw. */
    ONCE;

    public String labelKey() {
        return "exam.draw." + name();
    }
}
