package org.mingze.quiz;

import java.time.LocalDate;
import java.util.List;

/**
 * A question as the search index needs it: the current version's text and metadata, and nothing a learner must not
 * see before answering. There is deliberately no answer and no explanation here, so that no index, snippet or hit
 * made from it can give them away.
 *
 * @param id         stable id, e.g. {@code ztzr-001}
 * @param version    the current version
 * @param bank       the bank's name
 * @param stem       the question as asked (fill-in blanks as {@code ___})
 * @param options    the options A, B, ... of a choice question, in order; empty for other types
 * @param source     {@code materialId} or {@code materialId#anchor} of the section it is based on, or null
 * @param difficulty 1 (easy) .. 5 (hard)
 * @param retired    out of use: shown to administrators only
 * @param updated    the day of the last change (new version, retirement or restoration)
 */
public record IndexableQuestion(String id, int version, String bank, String category, List<String> tags,
                                QuestionType type, String stem, List<String> options, String source, int difficulty,
                                boolean retired, LocalDate updated) {

    public IndexableQuestion {
        tags = tags == null ? List.of() : List.copyOf(tags);
        options = options == null ? List.of() : List.copyOf(options);
    }
}
