package org.mingze.quiz.exam.internal;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mingze.quiz.exam.AttemptStatus;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AttemptRepository extends JpaRepository<StoredAttempt, Long> {

    /** The attempt with a row lock held until the transaction ends: closing and grading are serialised by it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from StoredAttempt a where a.id = :id")
    Optional<StoredAttempt> lock(@Param("id") long id);

    /** The attempts, ascending by id, each with a row lock held until the transaction ends (one statement). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from StoredAttempt a where a.id in :ids order by a.id")
    List<StoredAttempt> lockAll(@Param("ids") java.util.Collection<Long> ids);

    List<StoredAttempt> findByExamIdAndMemberIdOrderByAttemptNoAsc(long examId, long memberId);

    List<StoredAttempt> findByExamIdOrderByMemberIdAscAttemptNoAsc(long examId);

    List<StoredAttempt> findByMemberId(long memberId);

    long countByExamId(long examId);

    /** Ids of the person's attempts of the test still in progress (ids only: nothing enters the persistence context). */
    @Query("select a.id from StoredAttempt a where a.examId = :exam and a.memberId = :member "
            + "and a.status = org.mingze.quiz.exam.AttemptStatus.IN_PROGRESS order by a.attemptNo")
    List<Long> idsInProgress(@Param("exam") long examId, @Param("member") long memberId);

    /** Attempts of the status whose deadline has passed: id and member each, ascending by id. */
    @Query("select a.id, a.memberId from StoredAttempt a where a.status = :status and a.deadline <= :now "
            + "order by a.id")
    List<Object[]> overdue(@Param("status") AttemptStatus status, @Param("now") Instant now);

    @Query("select count(a) from StoredAttempt a, StoredExam e where a.examId = e.id and e.paperId = :paper")
    long countByPaper(@Param("paper") long paperId);

    @Query("select a.id from StoredAttempt a where a.examId = :exam and a.status = :status")
    List<Long> idsByStatus(@Param("exam") long examId, @Param("status") AttemptStatus status);
}
