package org.mingze.quiz.exam;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mingze.library.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.event.TransactionalEventListener;

/** The clock exam tests move, and a recorder of the engine's events as another module sees them (after commit). */
@TestConfiguration(proxyBeanMethods = false)
public class ExamTestConfig {

    @Bean
    @Primary
    MutableClock examClock() {
        return new MutableClock();
    }

    @Bean
    Events examEvents() {
        return new Events();
    }

    public static class Events {
        private final List<Object> events = new CopyOnWriteArrayList<>();

        @TransactionalEventListener(fallbackExecution = true)
        void on(AttemptSubmitted e) {
            events.add(e);
        }

        @TransactionalEventListener(fallbackExecution = true)
        void on(AttemptGraded e) {
            events.add(e);
        }

        public List<Object> all() {
            return List.copyOf(events);
        }
    }
}
