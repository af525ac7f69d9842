package org.mingze.quiz;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The five question types of content-format.md, with the code used in YAML, spreadsheets and the API. */
public enum QuestionType {
    SINGLE("single"), MULTIPLE("multiple"), JUDGE("judge"), FILL("fill"), ESSAY("essay");

    private final String code;

    QuestionType(String code) {
        this.code = code;
    }

    /** {@code single | multiple | judge | fill | essay}. */
    public String code() {
        return code;
    }

    /** Whether the question shows options A, B, ... to choose from. */
    public boolean hasOptions() {
        return this == SINGLE || this == MULTIPLE;
    }

    /** Essays are graded by a person, never automatically. */
    public boolean autoGraded() {
        return this != ESSAY;
    }

    public static Optional<QuestionType> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.code.equals(c)).findFirst();
    }
}
