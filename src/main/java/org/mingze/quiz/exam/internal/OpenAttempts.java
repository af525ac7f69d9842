package org.mingze.quiz.exam.internal;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import org.mingze.quiz.QuestionType;

/**
 * What a save needs to know about an attempt in progress without reading it again: each position's question type
 * and option/blank count (to check a response), and the deadline (for the acknowledgement). Filled on first use;
 * forgotten when the attempt closes or its deadline changes. Only a cache: the guarded UPDATE decides.
 */
public class OpenAttempts {

    /** The type and option/blank count of one question of an attempt. */
    public record Shape(QuestionType type, int options, int blanks) {
    }

    public record Open(long memberId, Shape[] shapes, Instant deadline) {
    }

    private static final int MAX = 20_000;

    private final Map<Long, Open> open = new ConcurrentHashMap<>();

    public Open get(long attemptId, LongFunction<Open> load) {
        Open o = open.get(attemptId);
        if (o == null) {
            o = load.apply(attemptId);
            if (open.size() > MAX) {
                open.clear();
            }
            if (o != null) {
                open.put(attemptId, o);
            }
        }
        return o;
    }

    public void forget(long attemptId) {
        open.remove(attemptId);
    }

    /** Whether the attempt is cached (for tests: closing it, by anyone, must forget it). */
    public boolean holds(long attemptId) {
        return open.containsKey(attemptId);
    }
}
