package org.mingze.quiz.exam;

/** A test's life: being prepared, open to its audience (within its window), over, put away. */
public enum ExamStatus {
    DRAFT,
    PUBLISHED,
    /** Published and its close time has passed (derived from the clock, never stored). */
    CLOSED,
    ARCHIVED;

    public String labelKey() {
        return "exam.status." + name();
    }
}
