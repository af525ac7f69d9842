package org.mingze.search.internal;

import java.time.Clock;
import org.mingze.base.security.RateLimiter;
import org.springframework.stereotype.Component;

/**
 * Requests per person to the search API: {@code mingze.search.api-requests-per-minute}, refilled evenly over a
 * minute (the shared {@link RateLimiter}). In memory, per instance.
 */
@Component
public class ApiRateLimiter extends RateLimiter {

    ApiRateLimiter(SearchProperties properties, Clock clock) {
        super(properties.apiRequestsPerMinute(), clock);
    }
}
