package org.mingze.quiz.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.mingze.quiz.IndexableQuestion;
import org.mingze.quiz.Question;
import org.mingze.quiz.QuestionSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link QuestionSource} over the stored questions: each question's current version, with its retirement and the
 * day of its last change. Answer and explanation stay behind.
 */
@Component
@Transactional(readOnly = true)
class StoreQuestionSource implements QuestionSource {

    /** Ids per database query (an IN list). */
    private static final int CHUNK = 500;

    private final StoredQuestionRepository questions;
    private final QuestionStore store;
    private final Clock clock;

    StoreQuestionSource(StoredQuestionRepository questions, QuestionStore store, Clock clock) {
        this.questions = questions;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public List<IndexableQuestion> all() {
        return indexable(questions.findAll());
    }

    @Override
    public Optional<IndexableQuestion> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return questions.findById(id).flatMap(s -> store.current(s).map(q -> indexable(s, q)));
    }

    @Override
    public List<IndexableQuestion> find(Collection<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        List<StoredQuestion> stored = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += CHUNK) {
            stored.addAll(questions.findAllById(distinct.subList(i, Math.min(distinct.size(), i + CHUNK))));
        }
        return indexable(stored);
    }

    private List<IndexableQuestion> indexable(List<StoredQuestion> stored) {
        List<StoredQuestion> sorted = stored.stream().sorted(Comparator.comparing(StoredQuestion::getId)).toList();
        List<IndexableQuestion> out = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i += CHUNK) {
            List<StoredQuestion> chunk = sorted.subList(i, Math.min(sorted.size(), i + CHUNK));
            List<Question> current = store.current(chunk);
            // current() keeps the order given and leaves out a question without its current version (never expected)
            int k = 0;
            for (StoredQuestion s : chunk) {
                if (k < current.size() && current.get(k).id().equals(s.getId())) {
                    out.add(indexable(s, current.get(k++)));
                }
            }
        }
        return out;
    }

    private IndexableQuestion indexable(StoredQuestion s, Question q) {
        LocalDate updated = s.getUpdatedAt() == null ? null : LocalDate.ofInstant(s.getUpdatedAt(), clock.getZone());
        return new IndexableQuestion(q.id(), q.version(), q.bank(), q.category(), q.tags(), q.type(), q.stem(),
                q.options(), q.source(), q.difficulty(), s.isRetired(), updated);
    }
}
