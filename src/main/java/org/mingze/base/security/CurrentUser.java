package org.mingze.base.security;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.UserDetails;

/** Reads the signed-in person from Spring Security's context. */
public final class CurrentUser {

    /** The name used in the audit log when nobody is signed in (a scheduled job, start-up). */
    public static final String SYSTEM = "system";

    private CurrentUser() {
    }

    /**
     * Acts as {@code user} on this thread (demo data made through the services, with their checks) in a fresh
     * security context, never by changing the thread's current one, which may be a signed-in person's (e.g. when an
     * event of their commit runs this). Returns the previous context: restore it with {@link #restore} in a finally.
     */
    public static SecurityContext actAs(UserDetails user) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(new SecurityContextImpl(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities())));
        return previous;
    }

    /** Puts back the context {@link #actAs} returned. */
    public static void restore(SecurityContext previous) {
        SecurityContextHolder.setContext(previous);
    }

    public static Optional<MingzeUser> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof MingzeUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** The signed-in person; throws when there is none. */
    public static MingzeUser require() {
        return get().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("not signed in"));
    }

    /** The username for the audit log: the signed-in person, else {@link #SYSTEM}. */
    public static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())) {
            return SYSTEM;
        }
        return auth.getName();
    }

    public static boolean has(Role role) {
        return get().map(u -> u.has(role)).orElse(false);
    }
}
