package org.mingze.quiz.exam.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.mingze.quiz.Response;

/** The exam engine's small JSON and text encodings of responses, string lists and option orders. */
public final class Json {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private Json() {
    }

    public static String response(Response r) {
        if (r == null || r.isEmpty()) {
            return null;
        }
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        if (!r.choices().isEmpty()) {
            m.put("choices", r.choices());
        }
        if (r.judge() != null) {
            m.put("judge", r.judge());
        }
        if (!r.blanks().isEmpty()) {
            m.put("blanks", r.blanks());
        }
        if (r.text() != null) {
            m.put("text", r.text());
        }
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Response response(String json) {
        if (json == null || json.isBlank()) {
            return Response.EMPTY;
        }
        try {
            return JSON.readValue(json, Response.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored response unreadable: " + json, e);
        }
    }

    public static String strings(List<String> values) {
        try {
            return JSON.writeValueAsString(values == null ? List.of() : values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> strings(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "2,0,1" for shown option i = bank option order[i]; "" for none. */
    public static String order(int[] order) {
        return order == null ? "" : Arrays.stream(order).mapToObj(String::valueOf).collect(Collectors.joining(","));
    }

    public static int[] order(String text) {
        if (text == null || text.isBlank()) {
            return new int[0];
        }
        return Arrays.stream(text.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
