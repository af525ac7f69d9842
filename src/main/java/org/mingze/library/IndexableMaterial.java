package org.mingze.library;

import java.time.LocalDate;
import java.util.List;

/**
 * A material as the search index needs it: metadata and its sections as plain text.
 *
 * @param id       stable id, e.g. "zhuti/diyi-zeren" (content-format.md)
 * @param archived hidden from everyone but administrators
 * @param sections the text before the first heading is a section with an empty anchor
 */
public record IndexableMaterial(String id, String title, String category, List<String> tags, LocalDate date,
                                String summary, boolean archived, List<Section> sections) {

    /** One {@code ##}/{@code ###} section: the anchor a hit links to ({@code id#anchor}), heading and text. */
    public record Section(String anchor, String heading, int level, String text) {
    }
}
