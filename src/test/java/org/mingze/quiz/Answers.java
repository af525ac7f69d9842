package org.mingze.quiz;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Responses to a question, built from its answer key: right, wrong, or (multiple choice) only part of the options. */
public final class Answers {

    private Answers() {
    }

    public static Response right(Question q) {
        AnswerKey key = q.answer();
        if (key instanceof AnswerKey.Choices c) {
            return Response.choices(c.correct());
        }
        if (key instanceof AnswerKey.Judge j) {
            return Response.judge(j.value());
        }
        if (key instanceof AnswerKey.Blanks b) {
            return Response.blanks(b.accepted().stream().map(a -> a.get(0)).toList());
        }
        throw new IllegalArgumentException("essays are not auto-graded: " + q.id());
    }

    /** A response that scores nothing: a wrong option, the other truth value, a wrong word in every blank. */
    public static Response wrong(Question q) {
        AnswerKey key = q.answer();
        if (key instanceof AnswerKey.Choices c) {
            int wrong = IntStream.range(0, q.options().size()).filter(i -> !c.correct().contains(i)).findFirst()
                    .orElseThrow();
            return Response.choices(List.of(wrong));
        }
        if (key instanceof AnswerKey.Judge j) {
            return Response.judge(!j.value());
        }
        if (key instanceof AnswerKey.Blanks b) {
            List<String> words = new ArrayList<>();
            b.accepted().forEach(a -> words.add("显然不对的答案"));
            return Response.blanks(words);
        }
        throw new IllegalArgumentException("essays are not auto-graded: " + q.id());
    }

    /** Multiple choice: only the first correct option (少选). */
    public static Response partial(Question q) {
        return Response.choices(List.of(((AnswerKey.Choices) q.answer()).correct().get(0)));
    }

    /**
     * Whether the explanation says more than the question itself (a short one, "两手抓。", may be part of the stem):
     * only then can a test tell that it did not reach the browser.
     */
    public static boolean explanationIsNotInTheQuestion(Question q) {
        return !q.stem().contains(q.explanation()) && q.options().stream().noneMatch(o -> o.contains(q.explanation()));
    }
}
