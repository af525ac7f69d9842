package org.mingze.library;

import java.util.List;

/**
 * A material opened in the reader: its card, source, sanitised HTML (safe to put into the page as it is), table of
 * contents, and its neighbours within the category (null at either end).
 */
public record MaterialPage(MaterialCard card, String source, String html, List<TocEntry> toc, Neighbour previous,
                           Neighbour next) {

    public record Neighbour(String id, String title) {
    }
}
