package org.mingze.library;

import java.time.LocalDate;
import java.util.List;

/** The front-matter fields an organiser fills in for an uploaded material (content-format.md). */
public record MaterialMeta(String title, String category, List<String> tags, String source, LocalDate date,
                           String summary) {
}
