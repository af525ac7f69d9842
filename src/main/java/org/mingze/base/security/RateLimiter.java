package org.mingze.base.security;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests per caller and minute: one token bucket per key (a person, an API token) holding {@code perMinute}
 * tokens, refilled evenly over a minute, so a caller may burst up to a minute's worth and then goes at the steady
 * rate. In memory, per instance (a restart forgets it). Used by the search API (per person) and the integration
 * API (per token); each makes its own instance with its own rate.
 */
public class RateLimiter {

    private static final int MAX_TRACKED = 10_000;

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** The answer: allowed, or refused with the seconds to wait (for a {@code Retry-After} header). */
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

    public RateLimiter(int perMinute, Clock clock) {
        this.perMinute = Math.max(1, perMinute);
        this.clock = clock;
    }

    public int perMinute() {
        return perMinute;
    }

    /** Takes one request from this caller's bucket, or says how long to wait when it is empty. */
    public Decision tryAcquire(String who) {
        return tryAcquire(who, perMinute);
    }

    /**
     * As {@link #tryAcquire(String)}, with this caller's own rate instead of the limiter's (an API token with a limit
     * of its own); a bucket that held more than the new rate is cut down to it.
     */
    public Decision tryAcquire(String who, int callerPerMinute) {
        int perMinute = Math.max(1, callerPerMinute);
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
