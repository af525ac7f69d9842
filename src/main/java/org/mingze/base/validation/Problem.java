package org.mingze.base.validation;

import java.util.List;

/**
 * One thing wrong with an input: which field, an i18n key that says what is wrong and how to fix it, and the
 * key's arguments. {@code row} is the 1-based row of an imported file, or 0 for a form.
 */
public record Problem(int row, String field, String key, List<Object> args) {
    public static Problem of(String field, String key, Object... args) {
        return new Problem(0, field, key, List.of(args));
    }

    public Problem atRow(int row) {
        return new Problem(row, field, key, args);
    }
}
