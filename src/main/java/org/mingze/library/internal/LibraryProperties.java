package org.mingze.library.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Library settings ({@code mingze.library.*}); the content folder itself is {@code mingze.content-dir}.
 *
 * @param watch             re-read content/materials when a file changes
 * @param watchDebounce     how long the folder must be quiet before it is re-read
 * @param heartbeatInterval how often a visible, active reader page reports study time
 */
@ConfigurationProperties("mingze.library")
public record LibraryProperties(@DefaultValue("true") boolean watch, @DefaultValue("1s") Duration watchDebounce,
                                @DefaultValue("30s") Duration heartbeatInterval) {
}
