package org.mingze.quiz.exam;

import java.math.BigDecimal;
import java.time.Instant;

/** A paper in the organiser's list. {@code exams} counts the tests that use it. */
public record PaperRow(long id, String title, PaperKind kind, DrawMode drawMode, int questionCount,
                       BigDecimal maxPoints, String ownerUnitName, long exams, Instant updatedAt) {
}
