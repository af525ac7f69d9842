package org.mingze.quiz.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.mingze.quiz.Question;
import org.mingze.quiz.QuestionType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The questions practice may hand out: current versions of questions in use that are graded automatically (essays
 * wait for a person, so they are not practised). Counts for the choice lists and random draws by bank, tag, material
 * or from a list of ids; no access checks (the practice services make them).
 */
@Component
public class PracticeQuestions {

    private static final String PRACTISABLE = "q.retired = false and q.type <> :essay";

    private final EntityManager em;
    private final StoredQuestionRepository questions;
    private final QuestionStore store;

    PracticeQuestions(EntityManager em, StoredQuestionRepository questions, QuestionStore store) {
        this.em = em;
        this.questions = questions;
        this.store = store;
    }

    /** Practisable questions per bank. */
    @Transactional(readOnly = true)
    public Map<String, Long> perBank() {
        return counts("select q.bank, count(q) from StoredQuestion q where " + PRACTISABLE + " group by q.bank");
    }

    /** Practisable questions per tag (a question counts under each of its tags). */
    @Transactional(readOnly = true)
    public Map<String, Long> perTag() {
        return counts("select t, count(q) from StoredQuestion q join q.tags t where " + PRACTISABLE + " group by t");
    }

    /** Practisable questions per source material. */
    @Transactional(readOnly = true)
    public Map<String, Long> perMaterial() {
        return counts("select q.sourceMaterial, count(q) from StoredQuestion q where " + PRACTISABLE
                + " and q.sourceMaterial is not null group by q.sourceMaterial");
    }

    @Transactional(readOnly = true)
    public long countOfMaterial(String materialId) {
        return em.createQuery("select count(q) from StoredQuestion q where " + PRACTISABLE
                        + " and q.sourceMaterial = :m", Long.class)
                .setParameter("essay", QuestionType.ESSAY).setParameter("m", materialId).getSingleResult();
    }

    @Transactional(readOnly = true)
    public List<Question> drawFromBank(String bank, int count) {
        return draw(ids("select q.id from StoredQuestion q where " + PRACTISABLE + " and q.bank = :v", bank), count);
    }

    @Transactional(readOnly = true)
    public List<Question> drawByTag(String tag, int count) {
        return draw(ids("select q.id from StoredQuestion q join q.tags t where " + PRACTISABLE + " and t = :v", tag),
                count);
    }

    @Transactional(readOnly = true)
    public List<Question> drawOfMaterial(String materialId, int count) {
        return draw(ids("select q.id from StoredQuestion q where " + PRACTISABLE + " and q.sourceMaterial = :v",
                materialId), count);
    }

    /** Up to {@code count} of these questions, those still practisable, in random order. */
    @Transactional(readOnly = true)
    public List<Question> drawFrom(Collection<String> ids, int count) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> usable = em.createQuery("select q.id from StoredQuestion q where " + PRACTISABLE
                        + " and q.id in :ids", String.class)
                .setParameter("essay", QuestionType.ESSAY).setParameter("ids", ids).getResultList();
        return draw(new ArrayList<>(usable), count);
    }

    /** The current versions of these questions (in use or not), by id. */
    @Transactional(readOnly = true)
    public Map<String, Question> current(Collection<String> ids) {
        Map<String, Question> out = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            store.current(questions.findAllById(ids)).forEach(q -> out.put(q.id(), q));
        }
        return out;
    }

    private List<Question> draw(List<String> ids, int count) {
        Collections.shuffle(ids, ThreadLocalRandom.current());
        List<String> chosen = ids.subList(0, Math.min(count, ids.size()));
        Map<String, Question> byId = current(chosen);
        return chosen.stream().filter(byId::containsKey).map(byId::get).toList();
    }

    private List<String> ids(String jpql, String value) {
        return new ArrayList<>(em.createQuery(jpql, String.class).setParameter("essay", QuestionType.ESSAY)
                .setParameter("v", value).getResultList());
    }

    private Map<String, Long> counts(String jpql) {
        TypedQuery<Object[]> q = em.createQuery(jpql, Object[].class).setParameter("essay", QuestionType.ESSAY);
        Map<String, Long> out = new LinkedHashMap<>();
        for (Object[] r : q.getResultList()) {
            out.put((String) r[0], ((Number) r[1]).longValue());
        }
        return out;
    }
}
