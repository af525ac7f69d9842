package org.mingze.org.internal;

import java.time.Clock;
import org.mingze.base.security.MingzeUser;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads an account for Spring Security; a deactivated member's account is disabled, a locked one refused. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    private final MemberRepository members;
    private final UnitRepository units;
    private final Clock clock;

    AccountUserDetailsService(AccountRepository accounts, MemberRepository members, UnitRepository units,
                              Clock clock) {
        this.accounts = accounts;
        this.members = members;
        this.units = units;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        Account a = accounts.findByUsernameIgnoreCase(username == null ? "" : username.strip())
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        Member m = a.getMemberId() == null ? null : members.findById(a.getMemberId()).orElse(null);
        String unitName = m == null ? null : units.findById(m.getUnitId()).map(Unit::getName).orElse(null);
        boolean enabled = a.isEnabled() && (m == null || m.isActive());
        return new MingzeUser(a.getId(), a.getUsername(), a.getPasswordHash(), enabled, !a.isLockedAt(clock.instant()),
                a.getMemberId(), a.getDisplayName(), unitName, a.getScopeUnitId(), a.getRoles());
    }
}
