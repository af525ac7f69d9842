package org.mingze.quiz;

/**
 * What a learner sees after answering a question, and only then: the grade, the correct answer, why, and where to
 * read more.
 *
 * @param sourceUrl   the reader's address of the section that explains it ({@code library/read/id#anchor}), or null
 * @param sourceTitle the material's title (and section heading), or null
 */
public record Feedback(Grade grade, AnswerKey answer, String explanation, String sourceUrl, String sourceTitle) {
}
