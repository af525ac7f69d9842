package org.mingze.schedule.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import org.mingze.quiz.exam.AttemptGraded;
import org.mingze.quiz.exam.ExamPurpose;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Listens to the exam module: each graded attempt at a theme-day quiz is kept in {@code schedule_quiz_result}, and a
 * pass completes the person's open make-ups of sessions with that quiz (if their reading is done too). Runs after the
 * exam's transaction committed, in a transaction of its own: a failure here is logged and never undoes an attempt.
 */
@Component
class QuizResults {

    private static final Logger log = LoggerFactory.getLogger(QuizResults.class);

    private final SessionStore store;
    private final MakeupProgress progress;
    private final Clock clock;

    QuizResults(SessionStore store, MakeupProgress progress, Clock clock) {
        this.store = store;
        this.progress = progress;
        this.clock = clock;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void graded(AttemptGraded e) {
        if (e.purpose() != ExamPurpose.THEME_DAY && !store.isSessionQuiz(e.examId())) {
            return;
        }
        try {
            store.recordQuizResult(e.examId(), e.memberId(), e.attemptId(), percent(e.score(), e.max()), e.passed(),
                    clock.instant());
            if (e.passed()) {
                store.openMakeupsForQuiz(e.examId(), e.memberId()).forEach(progress::refresh);
            }
        } catch (RuntimeException ex) {
            log.error("could not record the quiz result of attempt {}", e.attemptId(), ex);
        }
    }

    static BigDecimal percent(BigDecimal score, BigDecimal max) {
        if (score == null || max == null || max.signum() <= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return score.multiply(BigDecimal.valueOf(100)).divide(max, 2, RoundingMode.HALF_UP).min(BigDecimal.valueOf(100));
    }
}
