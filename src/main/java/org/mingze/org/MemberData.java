package org.mingze.org;

/** What a form or an import row says about a member. Checked by the service, not trusted. */
public record MemberData(String name, String employeeNo, Long unitId, String post, boolean leader,
                         boolean partyMember, String phone) {
}
