package org.mingze.base;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans of the shared kernel that have no better home. */
@Configuration(proxyBeanMethods = false)
class BaseConfiguration {

    /** The one clock every service asks for the time, so that tests can move it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
