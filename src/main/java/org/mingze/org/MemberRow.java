package org.mingze.org;

import java.util.Set;
import org.mingze.base.security.Role;

/** A member with the facts the member grid shows. {@code roles} is empty when the member has no account. */
public record MemberRow(long id, String name, String employeeNo, long unitId, String unitName, String post,
                        boolean leader, boolean partyMember, String phone, boolean active, Long accountId,
                        Set<Role> roles, Long scopeUnitId, boolean locked) {
    public boolean hasAccount() {
        return accountId != null;
    }

    public MemberData data() {
        return new MemberData(name, employeeNo, unitId, post, leader, partyMember, phone);
    }
}
