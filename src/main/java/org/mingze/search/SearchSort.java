package org.mingze.search;

/** Order of the hits: best match first, or newest first (then best match). */
public enum SearchSort {
    RELEVANCE, DATE;

    /** "date" or "relevance" (any case); anything else is relevance. */
    public static SearchSort parse(String value) {
        return value != null && value.strip().equalsIgnoreCase("date") ? DATE : RELEVANCE;
    }
}
