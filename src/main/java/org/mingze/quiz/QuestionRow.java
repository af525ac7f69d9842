package org.mingze.quiz;

import java.time.Instant;
import java.util.List;

/** A question in a list: its current version's main fields, without options, answer or explanation. */
public record QuestionRow(String id, int version, String bank, QuestionType type, String stem, String category,
                          List<String> tags, int difficulty, String source, boolean retired, Instant updatedAt,
                          String updatedBy) {
}
