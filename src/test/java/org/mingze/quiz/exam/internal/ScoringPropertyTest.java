package org.mingze.quiz.exam.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.mingze.quiz.AnswerKey;
import org.mingze.quiz.Grade;
import org.mingze.quiz.MultiplePolicy;
import org.mingze.quiz.Question;
import org.mingze.quiz.QuestionType;
import org.mingze.quiz.Questions;
import org.mingze.quiz.Response;

/**
 * Property: over random papers (types, points, shuffled options) and random answers (including nonsense indexes),
 * the total equals the sum of the items' points, every item earns between 0 and its points, and the total never
 * exceeds the paper's maximum. Seeds are the repetition numbers, so a failure can be replayed.
 */
class ScoringPropertyTest {

    @RepeatedTest(300)
    void the_total_is_the_sum_of_the_items_and_never_exceeds_the_maximum(RepetitionInfo run) {
        Random rnd = new Random(run.getCurrentRepetition());
        int n = 1 + rnd.nextInt(30);
        Map<String, Question> bank = new HashMap<>();
        List<ItemRow> items = new ArrayList<>();
        BigDecimal max = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            Question q = question(rnd, "p" + i);
            bank.put(q.id(), q);
            BigDecimal points = BigDecimal.valueOf(1 + rnd.nextInt(200), 2).add(BigDecimal.valueOf(rnd.nextInt(5)));
            int[] order = q.type().hasOptions() && rnd.nextBoolean() ? permutation(rnd, q.options().size()) : new int[0];
            items.add(new ItemRow(1, i, q.id(), 1, points, order, answer(rnd, q), null, false, null, null, null));
            max = max.add(points);
        }
        MultiplePolicy policy = rnd.nextBoolean() ? MultiplePolicy.ALL_OR_NOTHING : MultiplePolicy.HALF_FOR_SUBSET;
        Scoring.Scored s = Scoring.score(items, (id, v) -> bank.get(id), policy);

        BigDecimal sum = s.items().stream().map(ItemRow::earned).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(s.total()).isEqualByComparingTo(sum);
        assertThat(s.max()).isEqualByComparingTo(max);
        assertThat(s.total()).isLessThanOrEqualTo(max);
        assertThat(s.items()).allSatisfy(i -> {
            assertThat(i.earned()).isBetween(BigDecimal.ZERO, i.points());
            if (i.outcome() == Grade.Outcome.CORRECT) {
                assertThat(i.earned()).isEqualByComparingTo(i.points());
            }
        });
    }

    @RepeatedTest(50)
    void answering_the_key_in_the_shown_order_earns_full_points(RepetitionInfo run) {
        Random rnd = new Random(1000 + run.getCurrentRepetition());
        Question q = rnd.nextBoolean() ? Questions.single().letters("C").build()
                : Questions.multiple().letters("A", "B", "D").build();
        int[] order = permutation(rnd, q.options().size());
        ItemRow probe = new ItemRow(1, 0, q.id(), 1, BigDecimal.TEN, order, null, null, false, null, null, null);
        List<Integer> shown = ((AnswerKey.Choices) q.answer()).correct().stream().map(probe::shownIndex).toList();
        ItemRow item = new ItemRow(1, 0, q.id(), 1, BigDecimal.TEN, order, Response.choices(shown), null, false, null,
                null, null);
        Scoring.Scored s = Scoring.score(List.of(item), (id, v) -> q, MultiplePolicy.ALL_OR_NOTHING);
        assertThat(s.items().get(0).outcome()).isEqualTo(Grade.Outcome.CORRECT);
        assertThat(s.total()).isEqualByComparingTo("10");
    }

    private static Question question(Random rnd, String id) {
        QuestionType t = QuestionType.values()[rnd.nextInt(QuestionType.values().length)];
        return switch (t) {
            case SINGLE -> Questions.single().id(id).build();
            case MULTIPLE -> Questions.multiple().id(id).build();
            case JUDGE -> Questions.judge().id(id).build();
            case FILL -> Questions.fill().id(id).build();
            case ESSAY -> Questions.essay().id(id).build();
        };
    }

    private static Response answer(Random rnd, Question q) {
        return switch (rnd.nextInt(5)) {
            case 0 -> Response.EMPTY;
            case 1 -> Response.choices(List.of(rnd.nextInt(10) - 2, rnd.nextInt(4)));
            case 2 -> Response.judge(rnd.nextBoolean());
            case 3 -> Response.blanks(List.of("基础", rnd.nextBoolean() ? "支撑" : "x", "多余"));
            default -> q.type() == QuestionType.ESSAY ? Response.essay("答案") : Response.choices(List.of(0, 1, 2));
        };
    }

    private static int[] permutation(Random rnd, int n) {
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(i);
        }
        java.util.Collections.shuffle(l, rnd);
        return l.stream().mapToInt(Integer::intValue).toArray();
    }
}
