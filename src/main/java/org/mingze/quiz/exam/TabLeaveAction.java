package org.mingze.quiz.exam;

/** What leaving the test's browser tab does (counted from the browser's visibility changes). */
public enum TabLeaveAction {
    /** Only counted (the monitor shows it). */
    COUNT,
    /** Counted, and the learner is warned each time. */
    WARN,
    /** Counted, warned, and the attempt is submitted at the n-th leave. */
    SUBMIT_AFTER;

    public String labelKey() {
        return "exam.tab." + name();
    }
}
