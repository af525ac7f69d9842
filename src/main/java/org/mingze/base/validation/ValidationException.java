package org.mingze.base.validation;

import java.util.List;

/** Thrown by a service when an input breaks its rules; nothing was stored. Carries every problem found. */
public class ValidationException extends RuntimeException {
    private final transient List<Problem> problems;

    public ValidationException(List<Problem> problems) {
        super(problems.isEmpty() ? "invalid" : problems.get(0).key());
        this.problems = List.copyOf(problems);
    }

    public ValidationException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
