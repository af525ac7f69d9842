package org.mingze.org.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface MemberRepository extends JpaRepository<Member, Long>, JpaSpecificationExecutor<Member> {
    Optional<Member> findByEmployeeNo(String employeeNo);

    boolean existsByEmployeeNo(String employeeNo);

    List<Member> findByEmployeeNoIn(Collection<String> employeeNos);

    long countByUnitIdAndActiveTrue(Long unitId);
}
