package org.mingze.quiz;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What the question bank offers to modules that index or link its questions (search). Implemented by the quiz
 * module; callers run as the system, so it returns retired questions too (flagged) and leaves access to the caller.
 * It never hands out answers or explanations ({@link IndexableQuestion}).
 */
public interface QuestionSource {

    /** The current version of every question, retired ones included, by id. */
    List<IndexableQuestion> all();

    /** The current version of one question, retired or not; empty when there is no such question. */
    Optional<IndexableQuestion> find(String id);

    /** The current versions of these questions (unknown ids are left out), by id. */
    List<IndexableQuestion> find(Collection<String> ids);
}
