package org.mingze.quiz;

import java.util.List;

/**
 * Which questions an export holds: those matching the filter (tag, type, text, material ..., retired ones only when
 * it says so) in any of the banks named, or in any bank when none is named.
 */
public record QuestionSelection(List<String> banks, QuestionFilter filter) {

    public QuestionSelection {
        banks = banks == null ? List.of() : banks.stream().filter(b -> b != null && !b.isBlank()).map(String::strip)
                .distinct().toList();
        filter = filter == null ? QuestionFilter.all() : filter;
    }

    /** Every question in use. */
    public static QuestionSelection all() {
        return new QuestionSelection(List.of(), QuestionFilter.all());
    }

    public static QuestionSelection banks(String... banks) {
        return new QuestionSelection(List.of(banks), QuestionFilter.all());
    }

    public static QuestionSelection tag(String tag) {
        return new QuestionSelection(List.of(), QuestionFilter.all().withTag(tag));
    }
}
