package org.mingze.quiz;

/**
 * What a person wants to practise: questions of a bank, a tag or a material, or those in their wrong-answer book.
 *
 * @param value the bank's name, the tag, the material id; for the wrong-answer book a tag, {@link #UNTAGGED} for
 *              the questions without a tag (其他), or null for the whole book
 * @param count how many questions at most (1 .. {@value #MAX_COUNT}); the book is practised whole, up to that
 */
public record PracticeRequest(Source source, String value, int count) {

    public enum Source { BANK, TAG, MATERIAL, WRONG_BOOK }

    public static final int MAX_COUNT = 50;
    /** The wrong-answer book's group of questions without a tag (其他). */
    public static final String UNTAGGED = "\u0000untagged";

    public PracticeRequest {
        value = value == null || value.isBlank() ? null : value.strip();
    }

    public static PracticeRequest bank(String bank, int count) {
        return new PracticeRequest(Source.BANK, bank, count);
    }

    public static PracticeRequest tag(String tag, int count) {
        return new PracticeRequest(Source.TAG, tag, count);
    }

    public static PracticeRequest material(String materialId, int count) {
        return new PracticeRequest(Source.MATERIAL, materialId, count);
    }

    /** The whole wrong-answer book (tag null), one of its tags, or {@link #UNTAGGED}. */
    public static PracticeRequest wrongBook(String tag) {
        return new PracticeRequest(Source.WRONG_BOOK, tag, MAX_COUNT);
    }
}
