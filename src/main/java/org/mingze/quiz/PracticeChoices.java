package org.mingze.quiz;

import java.util.List;

/** What can be practised, each with how many questions it has (auto-graded, in use). */
public record PracticeChoices(List<Choice> banks, List<Choice> tags, List<Choice> materials) {

    /**
     * @param value what to put into {@link PracticeRequest#value()}
     * @param label what to show: the bank, the tag, the material's title
     */
    public record Choice(String value, String label, long questions) {
    }
}
