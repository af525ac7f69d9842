package org.mingze.base.notify;

import java.time.Instant;

/** A notice as received, with when it was read (null: not yet), for system-level reads such as the ledger. */
public record ReceivedNotice(long id, String recipient, String title, String body, String link, Instant createdAt,
                             Instant readAt) {
}
