package org.mingze.quiz.internal.format;

import java.util.List;

/**
 * A file a writer produced.
 *
 * @param count   questions written
 * @param skipped questions the format cannot express, not written, each with the reason
 * @param notes   questions written with a remark (e.g. a GIFT feature that Moodle does not read back)
 */
public record Written(byte[] bytes, int count, List<Note> skipped, List<Note> notes) {

    public Written {
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
    }

    /** A remark about one question: its id and an i18n key with arguments. */
    public record Note(String questionId, String key, List<Object> args) {
        public Note {
            args = List.copyOf(args);
        }

        public static Note of(String questionId, String key, Object... args) {
            return new Note(questionId, key, List.of(args));
        }
    }
}
