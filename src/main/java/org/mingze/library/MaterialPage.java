package org.mingze.library;

import java.util.List;

/**
 * A material opened in the reader: its card, source, sanitised HTML (safe to put into the page as it is), table of
 * contents, and its neighbours within the category (null at either end).
 */
public record MaterialPage(MaterialCard card, String source, String html, List<TocEntry> toc, Neighbour previous,
                           Neighbour next) {

    /**
     * Query parameter of the reader's address with words to highlight in the text, repeated once per word
     * ({@code library/read/zhuti/liangge-zeren?hl=主体责任&hl=监督责任#anchor}): the search page sends the words it
     * matched, so that a reader lands on the section with them marked.
     */
    public static final String HIGHLIGHT_PARAMETER = "hl";

    /** At most this many words, each at most {@link #MAX_HIGHLIGHT_LENGTH} characters, are highlighted. */
    public static final int MAX_HIGHLIGHTS = 8;

    public static final int MAX_HIGHLIGHT_LENGTH = 30;

    /** The words of an address's {@link #HIGHLIGHT_PARAMETER} values that the reader will mark: trimmed, capped. */
    public static List<String> highlights(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().filter(v -> v != null)
                .map(v -> v.replaceAll("[\\p{Cc}\\p{Cf}]", " ").strip())
                .filter(v -> !v.isEmpty() && v.length() <= MAX_HIGHLIGHT_LENGTH)
                .distinct().limit(MAX_HIGHLIGHTS).toList();
    }

    public record Neighbour(String id, String title) {
    }
}
