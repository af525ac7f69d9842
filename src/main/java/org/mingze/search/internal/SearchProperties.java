package org.mingze.search.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mingze.search.*}.
 *
 * @param indexDir           where the index lives (its format-version folder goes below); default
 *                           {@code ${mingze.data-dir}/index}
 * @param inMemory           keep the index in memory only (tests); it is rebuilt at every start
 * @param apiRequestsPerMinute requests one person may send to {@code /api/search} per minute
 */
@ConfigurationProperties("mingze.search")
public record SearchProperties(String indexDir, @DefaultValue("false") boolean inMemory,
                               @DefaultValue("60") int apiRequestsPerMinute) {
}
