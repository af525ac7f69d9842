package org.mingze.quiz.internal;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mingze.quiz.Question;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and writes questions with their versions, without any access check (callers are the question service, the
 * content loader and, later, practice and tests of this module). A save stores a new version only when the content
 * really changed (by {@link QuestionJson#contentHash}); stored versions are never rewritten.
 */
@Component
public class QuestionStore {

    /** What a save did. */
    public enum Change { CREATED, CHANGED, UNCHANGED }

    /** The question as now current, and what the save did. */
    public record Saved(Question question, Change change, StoredQuestion stored) {
    }

    private final StoredQuestionRepository questions;
    private final QuestionVersionRepository versions;
    private final Clock clock;
    private final EntityManager em;

    QuestionStore(StoredQuestionRepository questions, QuestionVersionRepository versions, Clock clock,
                  EntityManager em) {
        this.em = em;
        this.questions = questions;
        this.versions = versions;
        this.clock = clock;
    }

    /**
     * Stores a (normalised, valid) question: a new question as version 1, a changed one as its next version, an
     * unchanged one not at all.
     *
     * @param existing    the stored question with this id, or null for a new one
     * @param originIfNew where a new question comes from
     * @param from        recorded with the version: "app" or the bank file ("questions/fagui.yaml")
     */
    @Transactional
    public Saved save(StoredQuestion existing, Question q, Origin originIfNew, String from, String actor) {
        Objects.requireNonNull(q.id(), "id");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String hash = QuestionJson.contentHash(q);
        if (existing != null && hash.equals(existing.getCurrentHash())) {
            return new Saved(withState(q, existing.getCurrentVersion(), existing.isRetired()), Change.UNCHANGED,
                    existing);
        }
        int next = existing == null ? 1 : existing.getCurrentVersion() + 1;
        StoredQuestion s = existing != null ? existing : new StoredQuestion(q.id(), originIfNew, now);
        s.becomes(next, hash, q, now, actor);
        if (existing == null && originIfNew == Origin.CONTENT) {
            s.importedFrom(from, hash);
        }
        if (existing == null) {
            em.persist(s); // inserted before the version that refers to it (Hibernate keeps the order)
        }
        QuestionVersion v = versions.save(new QuestionVersion(q, next, hash, now, actor, from));
        return new Saved(v.toQuestion(s.isRetired()), existing == null ? Change.CREATED : Change.CHANGED, s);
    }

    private static Question withState(Question q, int version, boolean retired) {
        return new Question(q.id(), version, q.bank(), q.type(), q.stem(), q.options(), q.answer(), q.explanation(),
                q.source(), q.tags(), q.category(), q.difficulty(), q.points(), retired);
    }

    @Transactional
    public void setRetired(StoredQuestion s, boolean retired, boolean byContent, String actor) {
        s.setRetired(retired, byContent);
        s.touch(clock.instant().truncatedTo(ChronoUnit.MILLIS), actor);
        questions.save(s);
    }

    @Transactional(readOnly = true)
    public Optional<Question> current(String id) {
        return id == null ? Optional.empty() : questions.findById(id).flatMap(this::current);
    }

    @Transactional(readOnly = true)
    public Optional<Question> current(StoredQuestion s) {
        return versions.findByQuestionIdAndVersion(s.getId(), s.getCurrentVersion())
                .map(v -> v.toQuestion(s.isRetired()));
    }

    /** A given version, whether current or not; {@code retired} tells whether the question is retired now. */
    @Transactional(readOnly = true)
    public Optional<Question> version(String id, int version) {
        Optional<StoredQuestion> s = id == null ? Optional.empty() : questions.findById(id);
        return s.flatMap(q -> versions.findByQuestionIdAndVersion(id, version).map(v -> v.toQuestion(q.isRetired())));
    }

    /** The current versions of these questions, in the order given (unknown ids are left out). */
    @Transactional(readOnly = true)
    public List<Question> current(Collection<StoredQuestion> stored) {
        if (stored.isEmpty()) {
            return List.of();
        }
        Map<String, StoredQuestion> byId = stored.stream()
                .collect(Collectors.toMap(StoredQuestion::getId, Function.identity(), (a, b) -> a));
        Map<String, QuestionVersion> current = new HashMap<>();
        for (QuestionVersion v : versions.findCurrent(byId.keySet())) {
            current.put(v.getQuestionId(), v);
        }
        return stored.stream().filter(s -> current.containsKey(s.getId()))
                .map(s -> current.get(s.getId()).toQuestion(s.isRetired())).toList();
    }

    /** The questions (current, not retired) whose source is this material, by id. */
    @Transactional(readOnly = true)
    public List<Question> ofMaterial(String materialId) {
        return current(questions.findBySourceMaterialAndRetiredFalseOrderByIdAsc(materialId));
    }

    public List<QuestionVersion> history(String id) {
        return versions.findByQuestionIdOrderByVersionAsc(id);
    }
}
