package org.mingze.quiz;

import java.math.BigDecimal;
import java.util.List;

/**
 * A question as a learner sees it before answering: no answer, no explanation. Everything a practice or test page
 * puts into the browser before the question is answered comes from here.
 *
 * @param blanks the number of blanks ({@code ___}) of a fill-in stem, 0 otherwise
 */
public record ShownQuestion(String id, int version, QuestionType type, String stem, List<String> options, int blanks,
                            BigDecimal points) {

    public ShownQuestion {
        options = List.copyOf(options);
    }

    public static ShownQuestion of(Question q) {
        return new ShownQuestion(q.id(), q.version(), q.type(), q.stem(), q.options(),
                q.type() == QuestionType.FILL ? q.blankCount() : 0, q.points());
    }
}
