package org.mingze.api;

import java.time.Instant;
import java.util.Set;

/**
 * An API token as the administrators' list shows it (never the token itself, nor its hash); {@code requestsPerMinute}
 * is its own limit, null where the default applies.
 */
public record ApiTokenRow(long id, String name, Set<ApiScope> scopes, long unitId, String unitName, String createdBy,
                          Instant createdAt, String revokedBy, Instant revokedAt, Instant lastUsedAt,
                          Integer requestsPerMinute) {
    public ApiTokenRow {
        scopes = Set.copyOf(scopes);
    }

    public boolean active() {
        return revokedAt == null;
    }
}
