package org.mingze.schedule;

import java.time.LocalDateTime;

/** A session as a calendar or a list shows it. */
public record SessionCard(long id, long unitId, String unitName, SessionType type, String topic,
                          LocalDateTime startsAt, LocalDateTime endsAt, String place, String host,
                          SessionStatus status, int expected, int attended) {
}
