package org.mingze.quiz.exam.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every 5 s closes and grades the attempts whose deadline has passed, even when their learners have gone. */
@Component
class DeadlineSweeper {

    private final AttemptEngine engine;

    DeadlineSweeper(AttemptEngine engine) {
        this.engine = engine;
    }

    @Scheduled(fixedDelayString = "${mingze.exam.sweep-interval:5s}", initialDelayString = "${mingze.exam.sweep-interval:5s}")
    void sweep() {
        engine.sweep();
    }
}
