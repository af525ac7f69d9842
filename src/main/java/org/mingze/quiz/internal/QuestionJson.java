package org.mingze.quiz.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mingze.quiz.AnswerKey;
import org.mingze.quiz.Question;

/**
 * How a version's lists and answer are stored (JSON text, the same on H2 and PostgreSQL), and the hash of a
 * question's content that tells whether an edit or a re-import really changed anything.
 * <p>
 * Answers: {@code {"choices":[1]}}, {@code {"judge":true}}, {@code {"blanks":[["党委书记","书记"]]}},
 * {@code {"reference":"..."}}.
 */
public final class QuestionJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private QuestionJson() {
    }

    public static String strings(List<String> values) {
        return write(values == null ? List.of() : values);
    }

    public static List<String> strings(String json) {
        try {
            return json == null || json.isBlank() ? List.of() : JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored list is not JSON: " + json, e);
        }
    }

    public static String answer(AnswerKey answer) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (answer instanceof AnswerKey.Choices c) {
            map.put("choices", c.correct());
        } else if (answer instanceof AnswerKey.Judge j) {
            map.put("judge", j.value());
        } else if (answer instanceof AnswerKey.Blanks b) {
            map.put("blanks", b.accepted());
        } else if (answer instanceof AnswerKey.Reference r) {
            map.put("reference", r.text());
        } else {
            return "null";
        }
        return write(map);
    }

    public static AnswerKey answer(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || node.isNull()) {
                return null;
            }
            if (node.has("choices")) {
                List<Integer> correct = new ArrayList<>();
                node.get("choices").forEach(n -> correct.add(n.asInt()));
                return new AnswerKey.Choices(correct);
            }
            if (node.has("judge")) {
                return new AnswerKey.Judge(node.get("judge").asBoolean());
            }
            if (node.has("blanks")) {
                List<List<String>> accepted = new ArrayList<>();
                for (JsonNode blank : node.get("blanks")) {
                    List<String> list = new ArrayList<>();
                    blank.forEach(a -> list.add(a.asText()));
                    accepted.add(list);
                }
                return new AnswerKey.Blanks(accepted);
            }
            if (node.has("reference")) {
                return new AnswerKey.Reference(node.get("reference").asText());
            }
            throw new IllegalStateException("unknown stored answer: " + json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answer is not JSON: " + json, e);
        }
    }

    /**
     * SHA-256 of everything a learner or grader sees of a question: bank, type, stem, options, answer, explanation,
     * source, tags, category, difficulty and points (1 and 1.00 alike). Not the id, version or retired flag.
     */
    public static String contentHash(Question q) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("bank", q.bank());
        map.put("type", q.type() == null ? null : q.type().code());
        map.put("stem", q.stem());
        map.put("options", q.options());
        map.put("answer", q.answer() == null ? null : answer(q.answer()));
        map.put("explanation", q.explanation());
        map.put("source", q.source());
        map.put("tags", q.tags());
        map.put("category", q.category());
        map.put("difficulty", q.difficulty());
        map.put("points", q.points() == null ? null : QuestionValidator.plain(q.points()).toPlainString());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(write(map).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
