package org.mingze.quiz.exam;

import java.time.Instant;

/** A granted per-person exception. */
public record ExamExceptionRow(long id, long examId, long memberId, String memberName, Integer extraMinutes,
                               Instant closesAt, int extraAttempts, String reason, String grantedBy,
                               Instant grantedAt) {
}
