package org.mingze.quiz.exam;

/** How an attempt was closed. */
public enum ClosedBy {
    /** The learner submitted it. */
    LEARNER,
    /** The deadline passed (the sweeper, or the next access). */
    DEADLINE,
    /** The tab-leave policy's limit was reached. */
    TAB_LIMIT;

    public String labelKey() {
        return "exam.closed-by." + name();
    }
}
