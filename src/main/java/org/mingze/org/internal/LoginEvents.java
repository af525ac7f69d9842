package org.mingze.org.internal;

import java.time.Clock;
import java.time.Duration;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.security.LoginThrottle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins per account (5 lock it for 15 minutes), feeds the per-address throttle, and writes every
 * login success and failure to the audit log.
 */
@Component
class LoginEvents {

    private final AccountRepository accounts;
    private final AuditLog audit;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;

    LoginEvents(AccountRepository accounts, AuditLog audit, LoginThrottle throttle, Clock clock,
                @Value("${mingze.security.max-failed-logins:5}") int maxFailures,
                @Value("${mingze.security.lockout:15m}") Duration lockout) {
        this.accounts = accounts;
        this.audit = audit;
        this.throttle = throttle;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        Authentication auth = event.getAuthentication();
        accounts.findByUsernameIgnoreCase(auth.getName()).ifPresent(a -> a.succeededLogin(clock.instant()));
        audit.recordAs(auth.getName(), "LOGIN_SUCCESS", "account", auth.getName(), null, address(auth));
    }

    @EventListener
    @Transactional
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        Authentication auth = event.getAuthentication();
        String name = auth.getName() == null ? "" : auth.getName().strip();
        String address = address(auth);
        throttle.recordFailure(address);
        String reason;
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            reason = "bad credentials";
            accounts.findByUsernameIgnoreCase(name).ifPresent(a -> {
                if (a.failedLogin(clock.instant(), maxFailures, lockout)) {
                    audit.recordAs(name, "LOGIN_LOCKOUT", "account", a.getUsername(),
                            "locked until " + a.getLockedUntil(), address);
                }
            });
        } else if (event instanceof AuthenticationFailureLockedEvent) {
            reason = "account locked";
        } else if (event instanceof AuthenticationFailureDisabledEvent) {
            reason = "account disabled";
        } else {
            reason = event.getException().getClass().getSimpleName();
        }
        audit.recordAs(name.isEmpty() ? "?" : name, "LOGIN_FAILURE", "account", name, reason, address);
    }

    private static String address(Authentication auth) {
        return auth.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
    }
}
