package org.mingze.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    /** A clock that moves only when told. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-28T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void sixty_a_minute_per_person_then_429_until_the_bucket_refills() {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter(60, clock);
        for (int i = 0; i < 60; i++) {
            assertThat(limiter.tryAcquire("wangzh").allowed()).isTrue();
        }
        RateLimiter.Decision refused = limiter.tryAcquire("wangzh");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(limiter.tryAcquire("zhouxy").allowed()).as("another person").isTrue();
        clock.now = clock.now.plus(Duration.ofSeconds(1));
        assertThat(limiter.tryAcquire("wangzh").allowed()).isTrue();
        assertThat(limiter.tryAcquire("wangzh").allowed()).isFalse();
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        for (int i = 0; i < 60; i++) {
            assertThat(limiter.tryAcquire("wangzh").allowed()).isTrue();
        }
        assertThat(limiter.tryAcquire("wangzh").allowed()).as("never more than a minute's worth").isFalse();
    }

    @Test
    void a_caller_with_a_rate_of_its_own_gets_that_many_and_waits_its_own_interval() {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter(60, clock);
        for (int i = 0; i < 6; i++) {
            assertThat(limiter.tryAcquire("hr-system", 6).allowed()).as("call %d", i + 1).isTrue();
        }
        RateLimiter.Decision refused = limiter.tryAcquire("hr-system", 6);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).as("one call every 10 s").isEqualTo(10);
        clock.now = clock.now.plus(Duration.ofSeconds(10));
        assertThat(limiter.tryAcquire("hr-system", 6).allowed()).isTrue();
        assertThat(limiter.tryAcquire("hr-system", 6).allowed()).isFalse();
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        for (int i = 0; i < 600; i++) {
            assertThat(limiter.tryAcquire("hr-system", 600).allowed()).as("raised: call %d", i + 1).isTrue();
        }
        assertThat(limiter.tryAcquire("hr-system", 600).allowed()).isFalse();
        assertThat(limiter.tryAcquire("other", 600).allowed()).as("another caller").isTrue();
    }
}
