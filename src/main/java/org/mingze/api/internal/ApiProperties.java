package org.mingze.api.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mingze.api.*}.
 *
 * @param requestsPerMinute requests one integration API token may send per minute (a burst of up to this many,
 *                          then this rate); more get 429 with {@code Retry-After}
 */
@ConfigurationProperties("mingze.api")
public record ApiProperties(@DefaultValue("60") int requestsPerMinute) {
}
