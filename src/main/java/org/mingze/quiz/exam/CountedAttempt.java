package org.mingze.quiz.exam;

/** Which of a person's graded attempts is their result when several are allowed (Moodle's grading method). */
public enum CountedAttempt {
    HIGHEST, FIRST, LAST;

    public String labelKey() {
        return "exam.counted." + name();
    }
}
