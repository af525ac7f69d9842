package org.mingze.library.internal;

import java.util.Collection;
import java.util.List;
import org.mingze.library.StudyHow;
import org.springframework.data.jpa.repository.JpaRepository;

public interface StudyCompletionRepository extends JpaRepository<StudyCompletion, Long> {

    boolean existsByMemberIdAndMaterialIdAndHow(long memberId, String materialId, StudyHow how);

    List<StudyCompletion> findByMemberId(long memberId);

    List<StudyCompletion> findByMemberIdIn(Collection<Long> memberIds);
}
