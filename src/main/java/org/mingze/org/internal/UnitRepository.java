package org.mingze.org.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface UnitRepository extends JpaRepository<Unit, Long> {
    List<Unit> findAllByOrderBySortOrderAscIdAsc();

    @Query("select u from Unit u where u.path like concat(:path, '%') order by u.sortOrder, u.id")
    List<Unit> findSubtree(String path);

    List<Unit> findByParentId(Long parentId);

    boolean existsByParentIdAndNameAndIdNot(Long parentId, String name, Long id);

    boolean existsByParentIdIsNullAndNameAndIdNot(String name, Long id);

    long count();
}
