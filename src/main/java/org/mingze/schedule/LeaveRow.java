package org.mingze.schedule;

import java.time.Instant;

/** A leave request (请假) as the organiser and the requester see it. */
public record LeaveRow(long id, long sessionId, String sessionTopic, long memberId, String name, String reason,
                       Instant requestedAt, LeaveDecision decision, String decidedBy, String comment) {
}
