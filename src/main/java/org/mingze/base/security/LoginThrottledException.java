package org.mingze.base.security;

import org.springframework.security.core.AuthenticationException;

/** Raised when an address has failed to log in too often; the login page shows it in the person's language. */
public class LoginThrottledException extends AuthenticationException {
    public LoginThrottledException(String msg) {
        super(msg);
    }
}
