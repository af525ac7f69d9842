package org.mingze.duty;

import java.math.BigDecimal;
import java.util.List;
import org.mingze.quiz.QuestionType;

/**
 * A question drawn for a reporter, as the control screen shows it: with the answer key ({@code answer},
 * {@code explanation}). The presenter screen never gets this record (see {@link PresenterState}).
 *
 * @param secondsLeft the timer's seconds left, or null when the timer was not started (or the session has none)
 */
public record DrawnQuestion(long drawId, int seq, String questionId, int version, QuestionType type, String stem,
                            List<String> options, String answer, String explanation, Mark mark, BigDecimal awarded,
                            boolean revealed, Integer secondsLeft) {
}
