package org.mingze.base.security;

/** Role names as compile-time constants for {@code @RolesAllowed} and {@code @PreAuthorize}. */
public final class Roles {
    public static final String LEARNER = "LEARNER";
    public static final String ORGANIZER = "ORGANIZER";
    public static final String ADMIN = "ADMIN";
    public static final String AUDITOR = "AUDITOR";

    private Roles() {
    }
}
