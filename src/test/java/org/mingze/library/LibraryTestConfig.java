package org.mingze.library;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;

/** The clock library tests move, and a recorder of the library's events (from any thread, the watcher's too). */
@TestConfiguration(proxyBeanMethods = false)
public class LibraryTestConfig {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
    }

    @Bean
    Recorder materialsChangedRecorder() {
        return new Recorder();
    }

    public static class Recorder {
        private final List<MaterialsChanged> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(MaterialsChanged event) {
            events.add(event);
        }

        public List<MaterialsChanged> events() {
            return List.copyOf(events);
        }

        public void clear() {
            events.clear();
        }
    }
}
