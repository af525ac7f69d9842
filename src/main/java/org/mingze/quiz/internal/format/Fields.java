package org.mingze.quiz.internal.format;

import org.mingze.quiz.internal.QuestionValidator;

/**
 * The fields a problem of an import file names (its "column"): the question's fields of {@link QuestionValidator},
 * and a few of the file itself. The page shows them as {@code quiz.import.field.<name>}.
 */
public final class Fields {

    /** The file as a whole (unreadable, empty, too large ...). */
    public static final String FILE = "file";
    /** The header row of a spreadsheet. */
    public static final String HEADER = "header";
    /** A question as a whole (its structure in a text format). */
    public static final String QUESTION = "question";

    public static final String ID = QuestionValidator.F_ID;
    public static final String BANK = QuestionValidator.F_BANK;
    public static final String TYPE = QuestionValidator.F_TYPE;
    public static final String STEM = QuestionValidator.F_STEM;
    public static final String OPTIONS = QuestionValidator.F_OPTIONS;
    public static final String ANSWER = QuestionValidator.F_ANSWER;
    public static final String EXPLANATION = QuestionValidator.F_EXPLANATION;
    public static final String SOURCE = QuestionValidator.F_SOURCE;
    public static final String TAGS = QuestionValidator.F_TAGS;
    public static final String CATEGORY = QuestionValidator.F_CATEGORY;
    public static final String DIFFICULTY = QuestionValidator.F_DIFFICULTY;
    public static final String POINTS = QuestionValidator.F_POINTS;

    private Fields() {
    }
}
