package org.mingze.quiz.exam.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ExceptionRepository extends JpaRepository<StoredException, Long> {

    List<StoredException> findByMemberId(long memberId);

    Optional<StoredException> findByExamIdAndMemberId(long examId, long memberId);

    List<StoredException> findByExamIdOrderByGrantedAtDesc(long examId);
}
