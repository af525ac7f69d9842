package org.mingze.base;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.mingze.base.time.BureauZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/** Beans of the shared kernel that have no better home. */
@Configuration(proxyBeanMethods = false)
class BaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BaseConfiguration.class);

    /**
     * The one clock every service asks for the time, so that tests can move it. With the demo profile,
     * {@code mingze.demo.clock-offset} (an ISO-8601 duration such as {@code P11D}) runs the whole application that
     * far in the future, to try what happens after a deadline (a re-sit window, a make-up falling due) without
     * waiting; any other profile refuses it.
     * <p>
     * The clock's zone is the bureau's, {@code mingze.zone} (default Asia/Shanghai, decision 0017): days, years and
     * "today" are taken in it whatever zone the JVM runs in.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(Environment env) {
        ZoneId zone = BureauZone.parse(env.getProperty("mingze.zone", BureauZone.DEFAULT));
        BureauZone.use(zone);
        return clockFor(env.getProperty("mingze.demo.clock-offset"), env.acceptsProfiles(Profiles.of("demo")), zone);
    }

    static Clock clockFor(String offset, boolean demo, ZoneId zone) {
        Clock system = Clock.system(zone);
        if (offset == null || offset.isBlank()) {
            return system;
        }
        if (!demo) {
            throw new IllegalStateException("mingze.demo.clock-offset 只能与演示配置（demo profile）一起使用："
                    + "它让整个系统的时间偏离真实时间，正式运行时请删除这一设置。");
        }
        Duration d;
        try {
            d = Duration.parse(offset.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("mingze.demo.clock-offset=" + offset + " 不是有效的时长，"
                    + "请写成 ISO-8601 格式，例如 P11D（11 天）或 PT36H（36 小时）。", e);
        }
        log.warn("Demo clock: the application runs {} ahead of the real time (mingze.demo.clock-offset)", d);
        return Clock.offset(system, d);
    }
}
