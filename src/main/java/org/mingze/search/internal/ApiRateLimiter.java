package org.mingze.search.internal;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Requests per person to the search API: a token bucket of {@code mingze.search.api-requests-per-minute} tokens,
 * refilled evenly over a minute. In memory, per instance.
 */
@Component
public class ApiRateLimiter {

    private static final int MAX_TRACKED = 10_000;

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** The answer: allowed, or refused with the seconds to wait. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private static final class Bucket {
        double tokens;
        long lastMillis;

        Bucket(double tokens, long lastMillis) {
            this.tokens = tokens;
            this.lastMillis = lastMillis;
        }
    }

    ApiRateLimiter(SearchProperties properties, Clock clock) {
        this.perMinute = Math.max(1, properties.apiRequestsPerMinute());
        this.clock = clock;
    }

    public int perMinute() {
        return perMinute;
    }

    public Decision tryAcquire(String who) {
        long now = clock.millis();
        if (buckets.size() > MAX_TRACKED) {
            buckets.values().removeIf(b -> now - b.lastMillis > 120_000);
        }
        Bucket bucket = buckets.computeIfAbsent(who, k -> new Bucket(perMinute, now));
        synchronized (bucket) {
            double refill = (now - bucket.lastMillis) * perMinute / 60_000.0;
            bucket.tokens = Math.min(perMinute, bucket.tokens + Math.max(0, refill));
            bucket.lastMillis = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return new Decision(true, 0);
            }
            double missing = 1 - bucket.tokens;
            return new Decision(false, Math.max(1, (long) Math.ceil(missing * 60.0 / perMinute)));
        }
    }

    /** Forgets every bucket (tests). */
    public void reset() {
        buckets.clear();
    }
}
