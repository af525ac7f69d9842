package org.mingze.base.security;

/** The four roles of Mingze. A person may hold several. */
public enum Role {
    /** Reads, practises and takes tests. */
    LEARNER,
    /** Manages study, tests and people of one unit and everything below it. */
    ORGANIZER,
    /** Administers units, members, accounts and content. */
    ADMIN,
    /** Reads everything, changes nothing (the discipline commission). */
    AUDITOR;

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The i18n key of the role's display name. */
    public String labelKey() {
        return "role." + name();
    }
}
