package org.mingze.library;

/** One line of a material's table of contents: a {@code ##} (level 2) or {@code ###} (level 3) heading. */
public record TocEntry(String anchor, String heading, int level) {
}
