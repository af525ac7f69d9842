package org.mingze.schedule;

/** Where a person stands with a session's quiz: no graded attempt yet, passed (any attempt), or only failed ones. */
public enum QuizState {
    NOT_TAKEN, PASSED, FAILED;

    public String labelKey() {
        return "schedule.quiz.state." + name();
    }
}
