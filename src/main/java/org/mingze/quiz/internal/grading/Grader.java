package org.mingze.quiz.internal.grading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mingze.quiz.AnswerKey;
import org.mingze.quiz.Grade;
import org.mingze.quiz.MultiplePolicy;
import org.mingze.quiz.Question;
import org.mingze.quiz.QuestionType;
import org.mingze.quiz.Response;

/**
 * Grades one response to one question: pure and stateless, shared by practice and the test engine.
 *
 * <ul>
 *   <li>single choice and judge: exact;</li>
 *   <li>multiple choice by {@link MultiplePolicy}: all-or-nothing, or half the points when only correct options were
 *       chosen but not all of them (少选得一半分，错选不得分);</li>
 *   <li>fill-in: each blank compared after {@link FillNormalizer}; the points are shared equally between the
 *       blanks, computed once from the number right so that all right is exactly the maximum;</li>
 *   <li>essay: waits for a person ({@link Grade.Outcome#MANUAL}, 0 points for now);</li>
 *   <li>nothing answered: {@link Grade.Outcome#UNANSWERED}. Options that do not exist count as wrong, never throw.</li>
 * </ul>
 * Points have two decimals; partial credit is rounded down, so it never reaches the full points.
 */
public final class Grader {

    public static final int SCALE = 2;

    private Grader() {
    }

    public static Grade grade(Question q, Response r, BigDecimal max, MultiplePolicy policy) {
        BigDecimal full = max.setScale(SCALE, RoundingMode.HALF_UP);
        BigDecimal zero = BigDecimal.ZERO.setScale(SCALE);
        Response given = r == null ? Response.EMPTY : r;
        if (given.isEmpty()) {
            return new Grade(Grade.Outcome.UNANSWERED, zero, full);
        }
        QuestionType type = q.type();
        AnswerKey key = q.answer();
        switch (type) {
            case ESSAY:
                return new Grade(Grade.Outcome.MANUAL, zero, full);
            case JUDGE: {
                if (given.judge() == null) {
                    return new Grade(Grade.Outcome.UNANSWERED, zero, full);
                }
                boolean right = key instanceof AnswerKey.Judge j && j.value() == given.judge();
                return right ? new Grade(Grade.Outcome.CORRECT, full, full) : new Grade(Grade.Outcome.WRONG, zero, full);
            }
            case SINGLE:
            case MULTIPLE: {
                if (given.choices().isEmpty()) {
                    return new Grade(Grade.Outcome.UNANSWERED, zero, full);
                }
                Set<Integer> correct = key instanceof AnswerKey.Choices c ? new HashSet<>(c.correct()) : Set.of();
                Set<Integer> chosen = new HashSet<>(given.choices());
                if (chosen.equals(correct)) {
                    return new Grade(Grade.Outcome.CORRECT, full, full);
                }
                boolean onlyCorrect = correct.containsAll(chosen);
                if (type == QuestionType.MULTIPLE && onlyCorrect && policy == MultiplePolicy.HALF_FOR_SUBSET) {
                    return new Grade(Grade.Outcome.PARTIAL,
                            full.divide(BigDecimal.valueOf(2), SCALE, RoundingMode.DOWN), full);
                }
                return new Grade(Grade.Outcome.WRONG, zero, full);
            }
            case FILL: {
                List<List<String>> accepted = key instanceof AnswerKey.Blanks b ? b.accepted() : List.of();
                int n = accepted.size();
                if (n == 0) {
                    return new Grade(Grade.Outcome.WRONG, zero, full);
                }
                int right = 0;
                for (int i = 0; i < n; i++) {
                    String answer = i < given.blanks().size() ? given.blanks().get(i) : "";
                    if (FillNormalizer.accepts(accepted.get(i), answer)) {
                        right++;
                    }
                }
                if (right == n) {
                    return new Grade(Grade.Outcome.CORRECT, full, full);
                }
                if (right == 0) {
                    return new Grade(Grade.Outcome.WRONG, zero, full);
                }
                BigDecimal points = full.multiply(BigDecimal.valueOf(right))
                        .divide(BigDecimal.valueOf(n), SCALE, RoundingMode.DOWN);
                return new Grade(Grade.Outcome.PARTIAL, points, full);
            }
            default:
                throw new IllegalStateException("unknown type " + type);
        }
    }
}
