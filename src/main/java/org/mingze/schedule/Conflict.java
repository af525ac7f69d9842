package org.mingze.schedule;

/**
 * A warning about a session's time: another session of the same unit overlaps it, or its host is booked elsewhere
 * at the same time. Warnings do not stop saving; the organiser decides.
 */
public record Conflict(Kind kind, long otherSessionId, String otherTopic, String otherUnitName) {

    public enum Kind { UNIT_OVERLAP, HOST_DOUBLE_BOOKED }
}
