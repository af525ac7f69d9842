package org.mingze.search;

import java.time.LocalDate;
import java.util.List;

/**
 * One hit: a section of a material (type {@code material}; later also {@code question}).
 *
 * @param id       {@code materialId#anchor} (the material id alone for the part before its first heading)
 * @param sourceId the material's id
 * @param url      app-relative link to the section in the reader: {@code library/read/<material id>#<anchor>}
 * @param snippet  HTML: the text is escaped, matches are wrapped in {@code <mark>}
 */
public record SearchHit(String id, String type, String sourceId, String title, String heading, String anchor,
                        String url, String category, List<String> tags, LocalDate date, String snippet, float score,
                        boolean archived) {
}
