package org.mingze.quiz.exam.internal;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.mingze.quiz.Question;
import org.mingze.quiz.internal.QuestionStore;
import org.springframework.stereotype.Component;

/**
 * Question versions by id and version, kept in memory: versions are immutable (decision 0008), so a cached one is
 * never stale except for the "retired" flag, which the exam engine does not use.
 */
@Component
public class QuestionVersions {

    private static final int MAX = 20_000;

    private final QuestionStore store;
    private final ConcurrentMap<String, Question> cache = new ConcurrentHashMap<>();

    QuestionVersions(QuestionStore store) {
        this.store = store;
    }

    public Question get(String id, int version) {
        String key = id + '@' + version;
        Question q = cache.get(key);
        if (q != null) {
            return q;
        }
        Optional<Question> found = store.version(id, version);
        if (found.isEmpty()) {
            throw new IllegalStateException("question " + key + " is gone");
        }
        if (cache.size() > MAX) {
            cache.clear();
        }
        cache.put(key, found.get());
        return found.get();
    }
}
