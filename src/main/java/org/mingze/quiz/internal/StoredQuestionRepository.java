package org.mingze.quiz.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface StoredQuestionRepository extends JpaRepository<StoredQuestion, String>,
        JpaSpecificationExecutor<StoredQuestion> {

    List<StoredQuestion> findBySourceMaterialAndRetiredFalseOrderByIdAsc(String materialId);

    List<StoredQuestion> findByBankOrderByIdAsc(String bank);

    /** [bank, active questions, retired questions] per bank. */
    @Query("select q.bank, sum(case when q.retired = false then 1 else 0 end), "
            + "sum(case when q.retired = true then 1 else 0 end) from StoredQuestion q group by q.bank")
    List<Object[]> bankCounts();

    @Query("select distinct t from StoredQuestion q join q.tags t where q.retired = false")
    List<String> activeTags();

    @Query("select distinct q.category from StoredQuestion q where q.retired = false and q.category is not null")
    List<String> activeCategories();

    /** [id, stem, bank, retired] of every question, for the near-duplicate check. */
    @Query("select q.id, q.stem, q.bank, q.retired from StoredQuestion q")
    List<Object[]> stems();

    @Query("select q.id from StoredQuestion q")
    List<String> allIds();
}
