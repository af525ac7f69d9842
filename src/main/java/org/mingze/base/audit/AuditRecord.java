package org.mingze.base.audit;

import java.time.Instant;

/** An audit entry as the views and exports see it. */
public record AuditRecord(long id, Instant occurredAt, String actor, String action, String objectType,
                          String objectId, String sourceAddr, String detail) {
}
