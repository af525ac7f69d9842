package org.mingze.schedule;

/** Where a leave request stands. */
public enum LeaveDecision {
    PENDING, APPROVED, REJECTED
}
