package org.mingze.quiz;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.event.TransactionalEventListener;

/** A recorder of {@link QuestionsChanged} as a listener of another module sees it: after the commit. */
@TestConfiguration(proxyBeanMethods = false)
public class QuizTestConfig {

    @Bean
    Recorder questionsChangedRecorder() {
        return new Recorder();
    }

    public static class Recorder {
        private final List<QuestionsChanged> events = new CopyOnWriteArrayList<>();

        @TransactionalEventListener(fallbackExecution = true)
        void on(QuestionsChanged event) {
            events.add(event);
        }

        public List<QuestionsChanged> events() {
            return List.copyOf(events);
        }

        public void clear() {
            events.clear();
        }
    }
}
