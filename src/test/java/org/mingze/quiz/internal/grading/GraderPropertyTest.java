package org.mingze.quiz.internal.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.mingze.quiz.AnswerKey;
import org.mingze.quiz.Grade;
import org.mingze.quiz.Grade.Outcome;
import org.mingze.quiz.MultiplePolicy;
import org.mingze.quiz.Question;
import org.mingze.quiz.QuestionType;
import org.mingze.quiz.Response;

/**
 * The grader against a deliberately simple oracle, written from the rules in issue 4 without looking at the
 * grader, over 20,000 random questions and responses (fixed seed, so a failure repeats): choices compared as
 * sorted strings, fill-in by a naive fold of full-width characters, points in hundredths as integers.
 */
class GraderPropertyTest {

    private static final String[] WORDS = {"党委", "书记", "纪委", "主体责任", "ABC", "abc", "Ａ", "一岗双责", "x"};

    @Test
    void the_grader_agrees_with_a_simple_oracle_on_twenty_thousand_random_cases() {
        Random random = new Random(20261128L);
        for (int i = 0; i < 20_000; i++) {
            Question q = randomQuestion(random);
            Response r = randomResponse(random, q);
            int maxHundredths = 1 + random.nextInt(1000);
            BigDecimal max = BigDecimal.valueOf(maxHundredths, 2);
            MultiplePolicy policy = random.nextBoolean() ? MultiplePolicy.ALL_OR_NOTHING : MultiplePolicy.HALF_FOR_SUBSET;
            Grade g = Grader.grade(q, r, max, policy);
            long[] expected = oracle(q, r, maxHundredths, policy);
            String context = q + " / " + r + " / " + max + " / " + policy;
            assertThat(g.points().movePointRight(2).longValueExact()).as(context).isEqualTo(expected[0]);
            assertThat(g.outcome().ordinal()).as(context).isEqualTo((int) expected[1]);
            // general properties
            assertThat(g.points()).as(context).isBetween(BigDecimal.ZERO, max);
            assertThat(g.correct()).as(context).isEqualTo(g.points().compareTo(max) == 0 && g.outcome() == Outcome.CORRECT);
            if (policy == MultiplePolicy.ALL_OR_NOTHING && q.type() == QuestionType.MULTIPLE) {
                assertThat(g.outcome()).as(context).isNotEqualTo(Outcome.PARTIAL);
            }
            if (q.type() == QuestionType.MULTIPLE && r.choices().stream().anyMatch(c -> !((AnswerKey.Choices) q.answer())
                    .correct().contains(c))) {
                assertThat(g.points().signum()).as("a wrong option earns nothing: " + context).isZero();
            }
        }
    }

    @Test
    void the_normaliser_is_idempotent_on_random_text() {
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = random.nextInt(12); j > 0; j--) {
                s.appendCodePoint(random.nextInt(3) == 0 ? 0xFF01 + random.nextInt(94) : 0x20 + random.nextInt(0x3000));
            }
            String once = FillNormalizer.normalize(s.toString());
            assertThat(FillNormalizer.normalize(once)).isEqualTo(once);
        }
    }

    // --- the oracle: points in hundredths and the outcome's ordinal ---------------------------------------------

    private static long[] oracle(Question q, Response r, int max, MultiplePolicy policy) {
        final long correct = Outcome.CORRECT.ordinal();
        final long partial = Outcome.PARTIAL.ordinal();
        final long wrong = Outcome.WRONG.ordinal();
        final long unanswered = Outcome.UNANSWERED.ordinal();
        boolean nothing = r.choices().isEmpty() && r.judge() == null
                && r.blanks().stream().allMatch(b -> b.trim().isEmpty()) && (r.text() == null || r.text().isBlank());
        if (nothing) {
            return new long[] {0, unanswered};
        }
        switch (q.type()) {
            case ESSAY:
                return new long[] {0, Outcome.MANUAL.ordinal()};
            case JUDGE:
                if (r.judge() == null) {
                    return new long[] {0, unanswered};
                }
                return r.judge() == ((AnswerKey.Judge) q.answer()).value() ? new long[] {max, correct}
                        : new long[] {0, wrong};
            case SINGLE:
            case MULTIPLE: {
                if (r.choices().isEmpty()) {
                    return new long[] {0, unanswered};
                }
                String want = new TreeSet<>(((AnswerKey.Choices) q.answer()).correct()).toString();
                String got = new TreeSet<>(r.choices()).toString();
                if (want.equals(got)) {
                    return new long[] {max, correct};
                }
                boolean subset = ((AnswerKey.Choices) q.answer()).correct().containsAll(r.choices());
                if (q.type() == QuestionType.MULTIPLE && policy == MultiplePolicy.HALF_FOR_SUBSET && subset) {
                    return new long[] {max / 2, partial};
                }
                return new long[] {0, wrong};
            }
            default: {
                List<List<String>> accepted = ((AnswerKey.Blanks) q.answer()).accepted();
                int right = 0;
                for (int i = 0; i < accepted.size(); i++) {
                    String given = i < r.blanks().size() ? naiveFold(r.blanks().get(i)) : "";
                    boolean ok = false;
                    for (String a : accepted.get(i)) {
                        ok |= !given.isEmpty() && naiveFold(a).equals(given);
                    }
                    right += ok ? 1 : 0;
                }
                if (right == accepted.size()) {
                    return new long[] {max, correct};
                }
                if (right == 0) {
                    return new long[] {0, wrong};
                }
                return new long[] {(long) max * right / accepted.size(), partial};
            }
        }
    }

    /** Full-width ASCII to half-width by code point arithmetic, lower case, no spaces at all. */
    private static String naiveFold(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c >= 0xFF01 && c <= 0xFF5E) {
                c = (char) (c - 0xFEE0);
            }
            if (c == ' ' || c == '\u3000' || c == '\t') {
                continue;
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }

    // --- random questions and responses -------------------------------------------------------------------------

    private static Question randomQuestion(Random random) {
        QuestionType type = QuestionType.values()[random.nextInt(5)];
        List<String> options = new ArrayList<>();
        AnswerKey key;
        String stem = "题干";
        switch (type) {
            case SINGLE -> {
                int n = 2 + random.nextInt(7);
                for (int i = 0; i < n; i++) {
                    options.add("选项" + i);
                }
                key = new AnswerKey.Choices(List.of(random.nextInt(n)));
            }
            case MULTIPLE -> {
                int n = 3 + random.nextInt(6);
                for (int i = 0; i < n; i++) {
                    options.add("选项" + i);
                }
                List<Integer> correct = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (random.nextBoolean()) {
                        correct.add(i);
                    }
                }
                while (correct.size() < 2) {
                    int c = random.nextInt(n);
                    if (!correct.contains(c)) {
                        correct.add(c);
                    }
                }
                key = new AnswerKey.Choices(correct);
            }
            case JUDGE -> key = new AnswerKey.Judge(random.nextBoolean());
            case FILL -> {
                int blanks = 1 + random.nextInt(4);
                List<List<String>> accepted = new ArrayList<>();
                for (int i = 0; i < blanks; i++) {
                    accepted.add(List.of(WORDS[random.nextInt(WORDS.length)], WORDS[random.nextInt(WORDS.length)]));
                }
                stem = "___".repeat(blanks);
                key = new AnswerKey.Blanks(accepted);
            }
            default -> key = new AnswerKey.Reference("参考");
        }
        return new Question("p-" + random.nextInt(1000), 1, "随机", type, stem, options, key, "解析", null, List.of(),
                "随机", 3, BigDecimal.ONE, false);
    }

    private static Response randomResponse(Random random, Question q) {
        int shape = random.nextInt(10);
        if (shape == 0) {
            return Response.EMPTY;
        }
        return switch (q.type()) {
            case SINGLE, MULTIPLE -> {
                List<Integer> chosen = new ArrayList<>();
                int tries = random.nextInt(q.options().size() + 2);
                for (int i = 0; i < tries; i++) {
                    chosen.add(random.nextInt(q.options().size() + 2) - 1); // sometimes -1 or out of range
                }
                yield Response.choices(chosen);
            }
            case JUDGE -> shape == 1 ? Response.choices(List.of(0)) : Response.judge(random.nextBoolean());
            case FILL -> {
                List<String> blanks = new ArrayList<>();
                int n = random.nextInt(q.blankCount() + 2);
                for (int i = 0; i < n; i++) {
                    String w = WORDS[random.nextInt(WORDS.length)];
                    blanks.add(random.nextBoolean() ? " " + w + "　" : random.nextInt(5) == 0 ? "" : w);
                }
                yield Response.blanks(blanks);
            }
            default -> Response.essay(random.nextBoolean() ? "回答" : " ");
        };
    }
}
