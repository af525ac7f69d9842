package org.mingze.search;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param total   hits in all pages
 * @param facets  per dimension ({@code category}, {@code tag}, {@code year}, {@code type}) the values with counts
 * @param notices what the person should know about how the query was understood
 * @param problem why nothing was searched (empty, only stop words ...), or null
 */
public record SearchResults(SearchRequest request, long total, long tookMs, List<SearchHit> hits,
                            Map<String, List<FacetCount>> facets, List<SearchMessage> notices,
                            SearchMessage problem) {

    public static final List<String> FACETS = List.of("category", "tag", "year", "type");

    public static SearchResults problem(SearchRequest request, SearchMessage problem, List<SearchMessage> notices,
                                        long tookMs) {
        return new SearchResults(request, 0, tookMs, List.of(), Map.of(), notices, problem);
    }

    public int pages() {
        return (int) Math.max(1, (total + request.size() - 1) / request.size());
    }
}
