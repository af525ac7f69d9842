package org.mingze.base.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in person as Spring Security holds them. Built by the org module at login; carries what the shell
 * shows (name, unit, roles) and the ids services need for scope checks.
 */
public class MingzeUser extends User {

    private final long accountId;
    private final Long memberId;
    private final String displayName;
    private final String unitName;
    private final Long scopeUnitId;
    private final Set<Role> roles;

    public MingzeUser(long accountId, String username, String passwordHash, boolean enabled, boolean accountNonLocked,
                      Long memberId, String displayName, String unitName, Long scopeUnitId, Set<Role> roles) {
        super(username, passwordHash, enabled, true, true, accountNonLocked, authorities(roles));
        this.accountId = accountId;
        this.memberId = memberId;
        this.displayName = displayName;
        this.unitName = unitName;
        this.scopeUnitId = scopeUnitId;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    private static Collection<GrantedAuthority> authorities(Set<Role> roles) {
        return roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
    }

    public long accountId() {
        return accountId;
    }

    /** The member behind this account, or null for a pure system account. */
    public Long memberId() {
        return memberId;
    }

    public String displayName() {
        return displayName;
    }

    /** The name of the person's unit, or null. */
    public String unitName() {
        return unitName;
    }

    /** For organisers: the unit whose subtree they manage; null means none. */
    public Long scopeUnitId() {
        return scopeUnitId;
    }

    public Set<Role> roles() {
        return EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    // equals/hashCode of User compare usernames, which is what the session registry needs.
    @Override
    public boolean equals(Object o) {
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
