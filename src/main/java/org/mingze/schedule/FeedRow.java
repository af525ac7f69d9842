package org.mingze.schedule;

import java.time.Instant;

/**
 * A calendar feed: of a person's own sessions ({@code unitId} null) or of a unit's (sub-units included). The secret
 * address is shown once, when the feed is made ({@link NewFeed}); only its hash is kept.
 */
public record FeedRow(long id, Long unitId, String unitName, Instant createdAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
