package org.mingze.library.internal;

import java.util.List;

/**
 * Why a file under content/materials was rejected: the file as people know it (e.g.
 * {@code content/materials/a.md}), the 1-based line, an i18n key ({@code library.error.*}) and its arguments.
 */
public record LoadProblem(String file, int line, String key, List<Object> args) {
    public static LoadProblem of(String file, int line, String key, Object... args) {
        return new LoadProblem(file, line, key, List.of(args));
    }
}
