package org.mingze.quiz.exam.internal;

import java.util.List;
import org.mingze.quiz.exam.ExamStatus;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ExamRepository extends JpaRepository<StoredExam, Long> {

    List<StoredExam> findByStatusInOrderByClosesAtDesc(List<ExamStatus> statuses);

    long countByPaperId(long paperId);
}
