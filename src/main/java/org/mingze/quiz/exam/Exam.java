package org.mingze.quiz.exam;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A test as its organisers see it.
 *
 * @param status        DRAFT, PUBLISHED, CLOSED (published and past its close time) or ARCHIVED
 * @param maxPoints     the paper's maximum
 * @param attempts      attempts started so far; with any, the paper can no longer change
 * @param paperChangeable whether {@link ExamService#update} may still change the paper
 */
public record Exam(long id, ExamSettings settings, ExamStatus status, String ownerUnitName, String paperTitle,
                   BigDecimal maxPoints, int questionCount, long attempts, boolean paperChangeable,
                   Instant createdAt, String createdBy, Instant publishedAt) {
}
