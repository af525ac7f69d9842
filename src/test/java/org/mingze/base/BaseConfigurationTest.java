package org.mingze.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.mingze.base.time.BureauZone;

class BaseConfigurationTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void the_clock_runs_in_the_bureaus_zone_whatever_the_jvms_zone_and_the_demo_offset_keeps_it() {
        assertThat(BaseConfiguration.clockFor(null, false, SHANGHAI).getZone()).isEqualTo(SHANGHAI);
        assertThat(BaseConfiguration.clockFor("P11D", true, ZoneId.of("Europe/Berlin")).getZone())
                .isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void the_zone_setting_defaults_to_shanghai_a_blank_one_is_the_jvms_and_a_bad_one_is_explained() {
        assertThat(BureauZone.parse(BureauZone.DEFAULT)).isEqualTo(SHANGHAI);
        assertThat(BureauZone.parse(" ")).isEqualTo(ZoneId.systemDefault());
        assertThatThrownBy(() -> BureauZone.parse("Beijing")).hasMessageContaining("例如 Asia/Shanghai");
    }

    @Test
    void without_an_offset_the_clock_is_the_system_clock() {
        Instant before = Instant.now();
        Instant now = BaseConfiguration.clockFor(null, true, SHANGHAI).instant();
        assertThat(Duration.between(before, now).abs()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void a_demo_clock_offset_runs_the_application_that_far_ahead() {
        Instant now = BaseConfiguration.clockFor("P11D", true, SHANGHAI).instant();
        assertThat(Duration.between(Instant.now(), now).toHours()).isBetween(263L, 264L);
    }

    @Test
    void a_clock_offset_is_refused_outside_the_demo_profile_and_a_bad_one_is_explained() {
        assertThatThrownBy(() -> BaseConfiguration.clockFor("P11D", false, SHANGHAI))
                .hasMessageContaining("只能与演示配置");
        assertThatThrownBy(() -> BaseConfiguration.clockFor("11 days", true, SHANGHAI))
                .hasMessageContaining("例如 P11D");
    }
}
