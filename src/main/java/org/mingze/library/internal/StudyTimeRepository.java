package org.mingze.library.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface StudyTimeRepository extends JpaRepository<StudyTime, Long> {

    Optional<StudyTime> findByMemberIdAndMaterialIdAndStudyDay(long memberId, String materialId, LocalDate day);

    /** Per material: total seconds and the last day studied. */
    @Query("select t.materialId, sum(t.seconds), max(t.studyDay) from StudyTime t where t.memberId = :member"
            + " group by t.materialId")
    List<Object[]> totalsByMaterial(@Param("member") long memberId);

    /** Per day (the caller folds days into months). */
    @Query("select t.studyDay, sum(t.seconds) from StudyTime t where t.memberId = :member group by t.studyDay")
    List<Object[]> totalsByDay(@Param("member") long memberId);

    /** Per member, within [from, to): total seconds and the last day studied. */
    @Query("select t.memberId, sum(t.seconds), max(t.studyDay) from StudyTime t where t.memberId in :members"
            + " and t.studyDay >= :from and t.studyDay < :to group by t.memberId")
    List<Object[]> totalsByMember(@Param("members") Collection<Long> members, @Param("from") LocalDate from,
                                  @Param("to") LocalDate to);
}
