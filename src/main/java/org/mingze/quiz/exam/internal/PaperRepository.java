package org.mingze.quiz.exam.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PaperRepository extends JpaRepository<StoredPaper, Long> {

    List<StoredPaper> findByOwnerUnitIdInOrderByIdDesc(Collection<Long> unitIds);

    List<StoredPaper> findAllByOrderByIdDesc();
}
