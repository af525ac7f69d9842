package org.mingze.quiz;

import java.util.List;

/**
 * A practice as its page gets it: an id to answer with, and the questions without answers or explanations (those
 * come one at a time, in {@link Feedback}, after the question was answered).
 *
 * @param subject what is practised, for the page's heading: the bank, tag or material title; null for the whole
 *                wrong-answer book
 */
public record Practice(String id, PracticeRequest request, String subject, List<ShownQuestion> questions) {

    public Practice {
        questions = List.copyOf(questions);
    }
}
