package org.mingze.quiz;

/**
 * Which questions a list shows; null (or blank) means any.
 *
 * @param material       a material id: questions whose source is that material
 * @param text           words in the stem (or part of the id)
 * @param includeRetired also retired questions
 */
public record QuestionFilter(String bank, String category, String tag, QuestionType type, Integer difficulty,
                             String material, String text, boolean includeRetired) {

    /** Every question in use. */
    public static QuestionFilter all() {
        return new QuestionFilter(null, null, null, null, null, null, null, false);
    }

    public QuestionFilter withBank(String value) {
        return new QuestionFilter(value, category, tag, type, difficulty, material, text, includeRetired);
    }

    public QuestionFilter withTag(String value) {
        return new QuestionFilter(bank, category, value, type, difficulty, material, text, includeRetired);
    }

    public QuestionFilter withType(QuestionType value) {
        return new QuestionFilter(bank, category, tag, value, difficulty, material, text, includeRetired);
    }

    public QuestionFilter withText(String value) {
        return new QuestionFilter(bank, category, tag, type, difficulty, material, value, includeRetired);
    }

    public QuestionFilter withMaterial(String value) {
        return new QuestionFilter(bank, category, tag, type, difficulty, value, text, includeRetired);
    }

    public QuestionFilter withRetired(boolean value) {
        return new QuestionFilter(bank, category, tag, type, difficulty, material, text, value);
    }
}
