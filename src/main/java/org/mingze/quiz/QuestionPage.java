package org.mingze.quiz;

import java.util.List;
import java.util.Map;

/**
 * One page of a question list.
 *
 * @param total  questions matching the filter
 * @param byType questions matching the filter per type (every type present, 0 included)
 */
public record QuestionPage(List<QuestionRow> rows, int page, int size, long total, Map<QuestionType, Long> byType) {
}
