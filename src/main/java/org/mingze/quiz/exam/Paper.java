package org.mingze.quiz.exam;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.mingze.quiz.QuestionType;

/**
 * A saved paper as organisers see it (with the pinned question versions of a fixed paper).
 *
 * @param maxPoints     the paper's maximum: the sum of the items' or sections' points
 * @param questionCount how many questions an attempt gets
 * @param inUse         an exam with attempts uses it: it can no longer be changed
 */
public record Paper(long id, String title, PaperKind kind, DrawMode drawMode, long ownerUnitId, String ownerUnitName,
                    List<Item> items, List<DrawSection> sections, BigDecimal maxPoints, int questionCount,
                    boolean inUse, Instant updatedAt, String updatedBy) {

    public Paper {
        items = List.copyOf(items);
        sections = List.copyOf(sections);
    }

    /** A pinned question of a fixed paper. */
    public record Item(String questionId, int version, QuestionType type, String stem, BigDecimal points) {
    }
}
