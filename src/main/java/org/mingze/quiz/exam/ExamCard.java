package org.mingze.quiz.exam;

import java.time.Instant;

/**
 * A test on the learner's list (我的考试), with the person's exceptions applied.
 *
 * @param closesAt          the close time for this person
 * @param attemptsAllowed   for this person (extra attempts included)
 * @param openAttemptId     the attempt in progress, or null
 * @param lastClosedAttemptId the most recent closed attempt (its result), or null
 */
public record ExamCard(long examId, String title, ExamPurpose purpose, Instant opensAt, Instant closesAt,
                       Integer timeLimitMinutes, int attemptsAllowed, int attemptsUsed, State state,
                       Long openAttemptId, Long lastClosedAttemptId) {

    public enum State {
        /** Not open yet. */
        UPCOMING,
        /** Open, and an attempt may start. */
        OPEN,
        /** An attempt is running: resume it. */
        IN_PROGRESS,
        /** No attempts left (all used). */
        DONE,
        /** Closed. */
        CLOSED;

        public String labelKey() {
            return "exam.card." + name();
        }
    }
}
