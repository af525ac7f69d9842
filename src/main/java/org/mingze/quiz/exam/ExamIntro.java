package org.mingze.quiz.exam;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The start page of a test (the rules), for one learner with their exceptions applied. No question is in it.
 *
 * @param closesAt     the close time for this person
 * @param timeLimitMinutes for this person (extra minutes included), or null
 * @param blocked      why an attempt cannot start now, or null when {@link #canStart}
 * @param openAttemptId the attempt in progress (start resumes it), or null
 * @param attempts     the person's attempts so far, oldest first
 */
public record ExamIntro(long examId, String title, String description, ExamPurpose purpose, Instant opensAt,
                        Instant closesAt, Integer timeLimitMinutes, int questionCount, BigDecimal maxPoints,
                        int passPercent, Navigation navigation, ReviewPolicy review, TabLeavePolicy tabLeave,
                        int attemptsAllowed, int attemptsUsed, boolean canStart, Blocked blocked,
                        Long openAttemptId, List<AttemptSummary> attempts) {

    public ExamIntro {
        attempts = List.copyOf(attempts);
    }

    public enum Blocked {
        NOT_OPEN_YET, CLOSED, NO_ATTEMPTS_LEFT;

        public String labelKey() {
            return "exam.blocked." + name();
        }
    }
}
