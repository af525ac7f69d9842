package org.mingze.base.audit;

import java.time.LocalDate;

/** Filters for the audit log; any may be null. Dates are inclusive, in the server's time zone. */
public record AuditQuery(String actor, String action, String objectType, String objectId, LocalDate from,
                         LocalDate to) {
    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }
}
