package org.mingze.quiz.internal.format;

import java.util.Map;
import java.util.Set;
import org.mingze.quiz.Question;

/**
 * A question read from an import file, before it is checked.
 *
 * @param question   what the file says; {@code id} null for a new question, {@code bank} null when the file names
 *                   none; version 1
 * @param line       the row (as Excel numbers it) or line where the question starts
 * @param fieldLines lines of fields that do not start there (GIFT and YAML: the answer, the comments ...)
 * @param failed     fields the reader already reported as unreadable: the validator's problems about them are moot
 */
public record ReadQuestion(Question question, int line, Map<String, Integer> fieldLines, Set<String> failed) {

    public ReadQuestion {
        fieldLines = Map.copyOf(fieldLines);
        failed = Set.copyOf(failed);
    }

    public ReadQuestion(Question question, int line) {
        this(question, line, Map.of(), Set.of());
    }

    /** The line of a field: where it was written, else where the question starts. */
    public int lineOf(String field) {
        return fieldLines.getOrDefault(field, line);
    }
}
