package org.mingze.quiz;

import java.time.Instant;
import java.util.List;

/**
 * A person's wrong-answer book (错题本): the questions in it, grouped by tag. A question with several tags is in
 * each of their groups; one without a tag is in the group with tag null (其他).
 *
 * @param questions how many different questions are in the book
 */
public record WrongBook(int questions, List<Group> groups) {

    /** Correct answers in a row that take a question out of the book. */
    public static final int TO_MASTER = 2;

    public WrongBook {
        groups = List.copyOf(groups);
    }

    /** @param tag null for the questions without a tag (其他) */
    public record Group(String tag, List<Entry> entries) {
        public Group {
            entries = List.copyOf(entries);
        }

        public int count() {
            return entries.size();
        }

        /** The request that practises this group again. */
        public PracticeRequest practice() {
            return PracticeRequest.wrongBook(tag == null ? PracticeRequest.UNTAGGED : tag);
        }
    }

    /**
     * One question in the book: its current stem, how often it was answered wrong, and how many correct answers in a
     * row followed the last wrong one (two take it out).
     */
    public record Entry(String questionId, QuestionType type, String stem, int timesWrong, int consecutiveCorrect,
                        Instant lastWrongAt) {
    }
}
