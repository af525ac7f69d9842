package org.mingze.schedule;

/** One expected attendee's attendance: still expected, came (on time or late), on approved leave, or absent. */
public enum AttendanceStatus {
    EXPECTED, PRESENT, LATE, LEAVE, ABSENT;

    /** Whether the person was there. */
    public boolean attended() {
        return this == PRESENT || this == LATE;
    }

    public String labelKey() {
        return "schedule.attendance." + name();
    }
}
