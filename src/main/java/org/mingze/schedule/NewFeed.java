package org.mingze.schedule;

/** A feed just made, with its secret path (e.g. {@code ical/AbC....ics}); the path cannot be shown again later. */
public record NewFeed(FeedRow feed, String path) {
}
