package org.mingze.quiz.exam;

/**
 * The state of an attempt. Closing (by the learner, the deadline or the tab-leave policy; see {@link ClosedBy}) and
 * automatic grading happen in one transaction, so a closed attempt is at once {@link #GRADED}, or
 * {@link #AWAITING_MANUAL} while essays wait for an organiser.
 */
public enum AttemptStatus {
    IN_PROGRESS,
    AWAITING_MANUAL,
    GRADED;

    public boolean closed() {
        return this != IN_PROGRESS;
    }

    public String labelKey() {
        return "exam.attempt." + name();
    }
}
