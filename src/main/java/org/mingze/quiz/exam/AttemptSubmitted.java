package org.mingze.quiz.exam;

import java.time.Instant;

/** Published when an attempt is closed (by the learner, the deadline or the tab-leave limit), after the commit. */
public record AttemptSubmitted(long attemptId, long examId, long memberId, ExamPurpose purpose, ClosedBy closedBy,
                               Instant closedAt) {
}
