package org.mingze.quiz.exam.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.mingze.quiz.Grade;
import org.mingze.quiz.MultiplePolicy;
import org.mingze.quiz.Question;
import org.mingze.quiz.QuestionType;
import org.mingze.quiz.Response;
import org.mingze.quiz.internal.grading.Grader;

/** Grades the items of an attempt with the shared {@link Grader}: pure, so that property tests can call it. */
public final class Scoring {

    /** The graded items (outcome, earned set), the total (never above the maximum) and whether essays wait. */
    public record Scored(List<ItemRow> items, BigDecimal total, BigDecimal max, boolean manual) {
    }

    private Scoring() {
    }

    /** The response with choices mapped from the shown order back to the bank's. */
    public static Response toBank(ItemRow item, QuestionType type, Response shown) {
        if (shown == null || !type.hasOptions() || item.order().length == 0) {
            return shown;
        }
        List<Integer> bank = shown.choices().stream().map(item::bankIndex).toList();
        return new Response(bank, shown.judge(), shown.blanks(), shown.text());
    }

    public static Scored score(List<ItemRow> items, BiFunction<String, Integer, Question> questions,
                               MultiplePolicy policy) {
        List<ItemRow> out = new ArrayList<>();
        BigDecimal total = zero();
        BigDecimal max = zero();
        boolean manual = false;
        for (ItemRow item : items) {
            Question q = questions.apply(item.questionId(), item.version());
            Grade g = Grader.grade(q, toBank(item, q.type(), item.response()), item.points(), policy);
            BigDecimal earned = g.points().min(g.max()).max(BigDecimal.ZERO);
            manual |= g.outcome() == Grade.Outcome.MANUAL;
            total = total.add(earned);
            max = max.add(g.max());
            out.add(new ItemRow(item.attemptId(), item.position(), item.questionId(), item.version(), item.points(),
                    item.order(), item.response(), item.savedAt(), item.flagged(), g.outcome(), earned,
                    item.comment()));
        }
        return new Scored(out, total.min(max), max, manual);
    }

    /** The points that pass: passPercent of max, rounded up to the cent. */
    public static BigDecimal needed(BigDecimal max, int passPercent) {
        return max.multiply(BigDecimal.valueOf(passPercent)).divide(BigDecimal.valueOf(100), Grader.SCALE,
                RoundingMode.CEILING);
    }

    public static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(Grader.SCALE);
    }
}
