package org.mingze.quiz.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface WrongAnswerRepository extends JpaRepository<WrongAnswer, Long> {

    Optional<WrongAnswer> findByMemberIdAndQuestionId(long memberId, String questionId);

    /** The person's book: questions in it that are still in use (a retired question waits until restored). */
    @Query("select w from WrongAnswer w, StoredQuestion q where w.questionId = q.id and w.memberId = :member "
            + "and w.inBook = true and q.retired = false order by w.lastWrongAt desc, w.questionId")
    List<WrongAnswer> book(@Param("member") long memberId);
}
