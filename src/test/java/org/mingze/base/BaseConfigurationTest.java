package org.mingze.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BaseConfigurationTest {

    @Test
    void without_an_offset_the_clock_is_the_system_clock() {
        Instant before = Instant.now();
        Instant now = BaseConfiguration.clockFor(null, true).instant();
        assertThat(Duration.between(before, now).abs()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void a_demo_clock_offset_runs_the_application_that_far_ahead() {
        Instant now = BaseConfiguration.clockFor("P11D", true).instant();
        assertThat(Duration.between(Instant.now(), now).toHours()).isBetween(263L, 264L);
    }

    @Test
    void a_clock_offset_is_refused_outside_the_demo_profile_and_a_bad_one_is_explained() {
        assertThatThrownBy(() -> BaseConfiguration.clockFor("P11D", false))
                .hasMessageContaining("只能与演示配置");
        assertThatThrownBy(() -> BaseConfiguration.clockFor("11 days", true))
                .hasMessageContaining("例如 P11D");
    }
}
