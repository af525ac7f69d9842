package org.mingze.search;

import java.time.LocalDate;
import java.util.List;

/**
 * A search as asked: the query text as typed, filters (several values of one filter are alternatives; different
 * filters must all hold), the date range (inclusive), order and page (from 1).
 */
public record SearchRequest(String q, List<String> categories, List<String> tags, List<String> types,
                            LocalDate from, LocalDate to, SearchSort sort, int page, int size) {

    public static final int DEFAULT_SIZE = 10;
    public static final int MAX_SIZE = 50;

    public SearchRequest {
        q = q == null ? "" : q;
        categories = clean(categories);
        tags = clean(tags);
        types = clean(types);
        sort = sort == null ? SearchSort.RELEVANCE : sort;
        page = Math.max(1, page);
        size = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    }

    public static SearchRequest of(String q) {
        return new SearchRequest(q, List.of(), List.of(), List.of(), null, null, SearchSort.RELEVANCE, 1,
                DEFAULT_SIZE);
    }

    public SearchRequest withPage(int newPage) {
        return new SearchRequest(q, categories, tags, types, from, to, sort, newPage, size);
    }

    public SearchRequest withSort(SearchSort newSort) {
        return new SearchRequest(q, categories, tags, types, from, to, newSort, page, size);
    }

    public SearchRequest withCategories(List<String> values) {
        return new SearchRequest(q, values, tags, types, from, to, sort, page, size);
    }

    public SearchRequest withTags(List<String> values) {
        return new SearchRequest(q, categories, values, types, from, to, sort, page, size);
    }

    public SearchRequest withTypes(List<String> values) {
        return new SearchRequest(q, categories, tags, values, from, to, sort, page, size);
    }

    public SearchRequest withDates(LocalDate newFrom, LocalDate newTo) {
        return new SearchRequest(q, categories, tags, types, newFrom, newTo, sort, page, size);
    }

    public SearchRequest withoutFilters() {
        return new SearchRequest(q, List.of(), List.of(), List.of(), null, null, sort, page, size);
    }

    public boolean hasFilters() {
        return !categories.isEmpty() || !tags.isEmpty() || !types.isEmpty() || from != null || to != null;
    }

    private static List<String> clean(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().limit(20)
                .toList();
    }
}
