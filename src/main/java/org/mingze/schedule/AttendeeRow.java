package org.mingze.schedule;

import java.time.Instant;

/**
 * One expected attendee of a session.
 *
 * @param how      CODE (checked in with the rotating code) or HAND (marked by the organiser), null while expected
 * @param markedBy who checked in or marked (the person's own username for a code check-in)
 * @param leave    the person's leave request's decision, or null when there is none
 * @param studied  how many of the session's materials the person has been marked as having studied
 * @param quiz     the person's state in the session's quiz, or null when the session has none
 */
public record AttendeeRow(long memberId, String name, String unitName, AttendanceStatus status, String how,
                          String markedBy, Instant markedAt, LeaveDecision leave, int studied,
                          QuizState quiz) {
}
