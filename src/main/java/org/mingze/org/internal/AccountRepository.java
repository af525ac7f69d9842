package org.mingze.org.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.mingze.base.security.Role;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AccountRepository extends JpaRepository<Account, Long> {
    Optional<Account> findByUsernameIgnoreCase(String username);

    Optional<Account> findByMemberId(Long memberId);

    List<Account> findByMemberIdIn(Collection<Long> memberIds);

    List<Account> findByScopeUnitId(Long scopeUnitId);

    @Query("select count(a) > 0 from Account a join a.roles r where r = :role and a.enabled = true")
    boolean existsEnabledWithRole(Role role);
}
