package org.mingze.quiz.exam.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ExamEngineConfig {

    @Bean
    OpenAttempts openAttempts() {
        return new OpenAttempts();
    }
}
