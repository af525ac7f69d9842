package org.mingze.quiz.exam.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.mingze.quiz.Question;
import org.mingze.quiz.exam.DrawSection;
import org.mingze.quiz.internal.QuestionStore;
import org.mingze.quiz.internal.StoredQuestion;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Draws the questions of a drawn paper: current versions of questions in use that fit a section. Sections draw in
 * order, each from its candidates not drawn by an earlier one, so an attempt never gets a question twice (a question
 * drawn for the first section is not drawn again for the second). A paper is saved only when every section can be
 * filled whatever the earlier sections drew, so no draw ever fails by bad luck.
 */
@Component
public class Drawing {

    /** A section cannot be filled: it has {@code available} questions of its own for {@code count} wanted. */
    public static class Unfillable extends RuntimeException {
        public final int section;
        public final String title;
        public final int available;
        public final int count;

        Unfillable(int section, String title, int available, int count) {
            super("section " + (section + 1) + " has " + available + " of " + count);
            this.section = section;
            this.title = title;
            this.available = available;
            this.count = count;
        }
    }

    private final EntityManager em;
    private final QuestionStore store;

    Drawing(EntityManager em, QuestionStore store) {
        this.em = em;
        this.store = store;
    }

    /** The questions in use that fit the section on its own. */
    @Transactional(readOnly = true)
    public List<String> candidates(DrawSection s) {
        // ids only: a section's candidates may be hundreds of questions, of which a draw uses a few
        StringBuilder q = new StringBuilder("select q.id from StoredQuestion q where q.retired = false "
                + "and q.difficulty between :min and :max");
        if (!s.banks().isEmpty()) {
            q.append(" and q.bank in :banks");
        }
        if (!s.types().isEmpty()) {
            q.append(" and q.type in :types");
        }
        if (!s.tags().isEmpty()) {
            q.append(" and exists (select 1 from StoredQuestion q2 join q2.tags t where q2 = q and t in :tags)");
        }
        q.append(" order by q.id");
        TypedQuery<String> query = em.createQuery(q.toString(), String.class)
                .setParameter("min", Math.min(s.minDifficulty(), s.maxDifficulty()))
                .setParameter("max", Math.max(s.minDifficulty(), s.maxDifficulty()));
        if (!s.banks().isEmpty()) {
            query.setParameter("banks", s.banks());
        }
        if (!s.types().isEmpty()) {
            query.setParameter("types", s.types());
        }
        if (!s.tags().isEmpty()) {
            query.setParameter("tags", s.tags());
        }
        return query.getResultList();
    }

    /**
     * How many questions each section can surely draw: its candidates, less those that earlier sections may have
     * drawn (at most their count, and at most the candidates the two share).
     */
    @Transactional(readOnly = true)
    public int[] available(List<DrawSection> sections) {
        List<Set<String>> candidates = new ArrayList<>();
        int[] out = new int[sections.size()];
        for (int k = 0; k < sections.size(); k++) {
            Set<String> ids = new HashSet<>();
            ids.addAll(candidates(sections.get(k)));
            int available = ids.size();
            for (int j = 0; j < k; j++) {
                Set<String> shared = new HashSet<>(candidates.get(j));
                shared.retainAll(ids);
                available -= Math.min(sections.get(j).count(), shared.size());
            }
            candidates.add(ids);
            out[k] = Math.max(0, available);
        }
        return out;
    }

    /** Throws {@link Unfillable} for the first section that might not be filled. */
    @Transactional(readOnly = true)
    public void check(List<DrawSection> sections) {
        int[] available = available(sections);
        for (int i = 0; i < sections.size(); i++) {
            if (available[i] < sections.get(i).count()) {
                throw new Unfillable(i, sections.get(i).title(), available[i], sections.get(i).count());
            }
        }
    }

    /** A draw: for each section {@code count} questions of its pool at random, sections in order. */
    @Transactional(readOnly = true)
    public List<ExamJdbc.Placed> draw(List<DrawSection> sections, Random random) {
        Set<String> taken = new HashSet<>();
        List<ExamJdbc.Placed> out = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            DrawSection s = sections.get(i);
            List<String> pool = new ArrayList<>(candidates(s).stream().filter(id -> !taken.contains(id)).toList());
            if (pool.size() < s.count()) {
                throw new Unfillable(i, s.title(), pool.size(), s.count());
            }
            Collections.shuffle(pool, random);
            List<String> chosen = pool.subList(0, s.count());
            taken.addAll(chosen);
            Map<String, Question> current = new LinkedHashMap<>();
            store.current(chosen.isEmpty() ? List.of() : em.createQuery("select q from StoredQuestion q where q.id in "
                    + ":ids", StoredQuestion.class).setParameter("ids", chosen).getResultList())
                    .forEach(q -> current.put(q.id(), q));
            BigDecimal points = s.pointsEach().setScale(2, RoundingMode.HALF_UP);
            for (String c : chosen) {
                Question q = current.get(c);
                if (q == null) {
                    throw new Unfillable(i, s.title(), current.size(), s.count());
                }
                out.add(new ExamJdbc.Placed(q.id(), q.version(), points));
            }
        }
        return out;
    }
}
