package org.mingze.quiz;

import java.util.List;

/**
 * An exported file, ready to download.
 *
 * @param questions questions in the file
 * @param skipped   questions the format cannot express (not in the file), with the reason
 * @param notes     questions in the file with a remark (e.g. read back by Mingze but not by Moodle)
 */
public record QuestionExport(String fileName, String contentType, byte[] content, int questions,
                             List<Note> skipped, List<Note> notes) {

    public QuestionExport {
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
    }

    /** A remark about one question: its id and an i18n key (with arguments) that says what and why. */
    public record Note(String questionId, String key, List<Object> args) {
        public Note {
            args = List.copyOf(args);
        }
    }
}
