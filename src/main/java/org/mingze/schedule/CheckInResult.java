package org.mingze.schedule;

/** The outcome of a check-in with a code: present, or late when it came after the start. */
public record CheckInResult(long sessionId, String topic, AttendanceStatus status, boolean alreadyCheckedIn) {
}
