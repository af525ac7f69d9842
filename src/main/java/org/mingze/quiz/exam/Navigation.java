package org.mingze.quiz.exam;

/** Whether a learner may move freely between questions or only forwards (Moodle's navigation method). */
public enum Navigation {
    FREE, SEQUENTIAL;

    public String labelKey() {
        return "exam.navigation." + name();
    }
}
