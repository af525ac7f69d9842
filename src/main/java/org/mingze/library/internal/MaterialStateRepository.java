package org.mingze.library.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface MaterialStateRepository extends JpaRepository<MaterialState, String> {

    @Query("select s.materialId from MaterialState s where s.archived = true")
    List<String> archivedIds();
}
