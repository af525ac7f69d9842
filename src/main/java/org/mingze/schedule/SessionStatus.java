package org.mingze.schedule;

/** Where a session stands: planned, held (its record is closed: attendance final, make-ups assigned), or cancelled. */
public enum SessionStatus {
    PLANNED, HELD, CANCELLED
}
