package org.mingze.org.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccountTest {

    private static final Duration LOCKOUT = Duration.ofMinutes(15);
    private final Instant t0 = Instant.parse("2026-11-28T08:00:00Z");

    private Account account() {
        return new Account("100901", "{noop}x", 1L, "王振华", t0);
    }

    @Test
    void the_fifth_failed_login_locks_the_account_for_fifteen_minutes() {
        Account a = account();
        for (int i = 1; i <= 4; i++) {
            assertThat(a.failedLogin(t0.plusSeconds(i), 5, LOCKOUT)).isFalse();
        }
        assertThat(a.failedLogin(t0.plusSeconds(5), 5, LOCKOUT)).isTrue();
        assertThat(a.isLockedAt(t0.plusSeconds(5).plus(LOCKOUT).minusSeconds(1))).isTrue();
        assertThat(a.isLockedAt(t0.plusSeconds(5).plus(LOCKOUT))).isFalse();
    }

    @Test
    void after_the_lockout_expires_the_count_starts_again() {
        Account a = account();
        for (int i = 1; i <= 5; i++) {
            a.failedLogin(t0, 5, LOCKOUT);
        }
        Instant later = t0.plus(LOCKOUT).plusSeconds(1);
        assertThat(a.failedLogin(later, 5, LOCKOUT)).isFalse();
        assertThat(a.getFailedLogins()).isEqualTo(1);
        assertThat(a.isLockedAt(later)).isFalse();
    }

    @Test
    void a_successful_login_clears_the_failures() {
        Account a = account();
        a.failedLogin(t0, 5, LOCKOUT);
        a.failedLogin(t0, 5, LOCKOUT);
        a.succeededLogin(t0.plusSeconds(10));
        assertThat(a.getFailedLogins()).isZero();
        assertThat(a.getLastLoginAt()).isEqualTo(t0.plusSeconds(10));
    }
}
