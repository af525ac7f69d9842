package org.mingze.quiz.exam;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.mingze.quiz.AnswerKey;
import org.mingze.quiz.Grade;
import org.mingze.quiz.Response;
import org.mingze.quiz.ShownQuestion;

/**
 * A closed attempt as its reader may see it. For a learner the test's {@link ReviewPolicy} decides: before it allows
 * anything ({@code shown == null}, e.g. "only after the test closes") there is no score, no outcome, no key and no
 * explanation in it; at {@link ReviewLevel#SCORE} the total and each question's points; at
 * {@link ReviewLevel#ANSWERS} also the keys; at {@link ReviewLevel#EXPLANATIONS} also the explanations and where to
 * read more. Organisers and auditors see everything. Choices are indexes into the shown option order.
 *
 * @param shown           what this reader may see, or null for nothing yet
 * @param reviewFrom      when more will be shown (the close time) if {@code shown == null}, else null
 * @param score           null when hidden or while essays wait ({@link AttemptStatus#AWAITING_MANUAL})
 * @param passed          null when {@code score} is
 * @param counted         whether this is the attempt that counts as the person's result
 */
public record AttemptResult(long attemptId, long examId, String title, long memberId, String memberName,
                            int number, AttemptStatus status, ClosedBy closedBy, Instant startedAt, Instant closedAt,
                            ReviewLevel shown, Instant reviewFrom, BigDecimal score, BigDecimal maxPoints,
                            Integer passPercent, Boolean passed, boolean counted, List<Item> items) {

    public AttemptResult {
        items = List.copyOf(items);
    }

    /**
     * One question: what was asked and answered, and as much of the grading as may be shown (null fields are
     * hidden).
     *
     * @param outcome     null when hidden; {@link Grade.Outcome#MANUAL} while an essay waits
     * @param points      null when hidden
     * @param answer      the key with choices as indexes into the shown options; null below ANSWERS
     * @param explanation null below EXPLANATIONS
     * @param sourceUrl   the reader's address of the material section; null below EXPLANATIONS or when none
     * @param comment     the grader's comment on an essay; null when hidden or none
     */
    public record Item(int position, ShownQuestion question, Response response, Grade.Outcome outcome,
                       BigDecimal points, AnswerKey answer, String explanation, String sourceUrl, String sourceTitle,
                       String comment) {
    }
}
