package org.mingze.duty.internal;

import java.util.List;
import java.util.stream.Collectors;
import org.mingze.quiz.AnswerKey;
import org.mingze.quiz.Question;

/** The answer key of a question as one line to read out: B、D / 正确 / 第一空：…；第二空：… / the reference text. */
public final class KeyText {

    private KeyText() {
    }

    public static String of(AnswerKey key) {
        if (key instanceof AnswerKey.Choices c) {
            return c.correct().stream().map(Question::letter).collect(Collectors.joining("、"));
        }
        if (key instanceof AnswerKey.Judge j) {
            return j.value() ? "正确" : "错误";
        }
        if (key instanceof AnswerKey.Blanks b) {
            List<List<String>> a = b.accepted();
            if (a.size() == 1) {
                return String.join(" / ", a.get(0));
            }
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < a.size(); i++) {
                s.append(i == 0 ? "" : "；").append("（").append(i + 1).append("）").append(String.join(" / ", a.get(i)));
            }
            return s.toString();
        }
        if (key instanceof AnswerKey.Reference r) {
            return r.text() == null ? "" : r.text();
        }
        return "";
    }
}
