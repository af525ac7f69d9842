package org.mingze.quiz;

import java.util.List;

/**
 * The correct answer of a question, one shape per type (content-format.md). Never sent to a learner's browser before
 * the learner has answered.
 */
public sealed interface AnswerKey permits AnswerKey.Choices, AnswerKey.Judge, AnswerKey.Blanks, AnswerKey.Reference {

    /** Single and multiple choice: the 0-based indexes of the correct options, ascending and distinct. */
    record Choices(List<Integer> correct) implements AnswerKey {
        public Choices {
            correct = correct.stream().distinct().sorted().toList();
        }
    }

    /** Judge (true/false). */
    record Judge(boolean value) implements AnswerKey {
    }

    /** Fill-in: for each blank ({@code ___} in the stem, in order) the accepted answers. */
    record Blanks(List<List<String>> accepted) implements AnswerKey {
        public Blanks {
            accepted = accepted.stream().map(List::copyOf).toList();
        }
    }

    /** Essay: a reference answer for the person who grades it. */
    record Reference(String text) implements AnswerKey {
    }
}
