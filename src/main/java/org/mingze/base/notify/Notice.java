package org.mingze.base.notify;

import java.time.Instant;

/** An in-app notice as the inbox shows it. {@code link} is a route inside Mingze, or null. */
public record Notice(long id, String title, String body, String link, Instant createdAt, boolean read) {
}
