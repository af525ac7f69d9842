package org.mingze.quiz.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface QuestionVersionRepository extends JpaRepository<QuestionVersion, Long> {

    Optional<QuestionVersion> findByQuestionIdAndVersion(String questionId, int version);

    List<QuestionVersion> findByQuestionIdOrderByVersionAsc(String questionId);

    long countByQuestionId(String questionId);

    /** The current versions of these questions. */
    @Query("select v from QuestionVersion v, StoredQuestion q where v.questionId = q.id "
            + "and v.version = q.currentVersion and q.id in :ids")
    List<QuestionVersion> findCurrent(Collection<String> ids);
}
