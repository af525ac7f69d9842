package org.mingze.duty;

import java.util.List;
import org.mingze.quiz.QuestionType;

/**
 * What the projector shows: the reporter on now and the current question, and the answer only once it is revealed
 * ({@code answer} and {@code explanation} are null before: the key never reaches the presenter's browser early).
 *
 * @param seq         the number of the current question (0 when none is drawn yet)
 * @param secondsLeft the timer's seconds left, or null
 */
public record PresenterState(String sessionName, String reporterName, String reporterPost, int reporterNo,
                             int reporterCount, int seq, int perReporter, QuestionType type, String stem,
                             List<String> options, String answer, String explanation, Integer secondsLeft,
                             boolean finished) {
}
