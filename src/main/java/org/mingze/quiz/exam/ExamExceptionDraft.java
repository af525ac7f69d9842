package org.mingze.quiz.exam;

import java.time.Instant;

/**
 * A per-person exception (例外) to a test's settings: more time, another close time, extra attempts. At least one,
 * and always a reason (recorded in the audit log).
 *
 * @param extraMinutes  added to the time limit (0..600), or null
 * @param closesAt      this person's own close time, or null
 * @param extraAttempts added to the attempts allowed (0..10)
 */
public record ExamExceptionDraft(long memberId, Integer extraMinutes, Instant closesAt, int extraAttempts,
                                 String reason) {
}
