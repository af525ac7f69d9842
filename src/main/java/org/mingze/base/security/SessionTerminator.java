package org.mingze.base.security;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/** Ends every session of an account at once (used when an account is deactivated or its password reset). */
@Component
public class SessionTerminator {

    private final SessionRegistry registry;

    SessionTerminator(SessionRegistry registry) {
        this.registry = registry;
    }

    /** Expires all sessions whose principal has this username; returns how many were ended. */
    public int endSessionsOf(String username) {
        int ended = 0;
        for (Object principal : registry.getAllPrincipals()) {
            if (principal instanceof org.springframework.security.core.userdetails.UserDetails u
                    && u.getUsername().equals(username)) {
                for (SessionInformation info : registry.getAllSessions(principal, false)) {
                    info.expireNow();
                    ended++;
                }
            }
        }
        return ended;
    }
}
