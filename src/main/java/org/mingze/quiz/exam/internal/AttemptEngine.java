package org.mingze.quiz.exam.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import jakarta.annotation.PreDestroy;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.security.CurrentUser;
import org.mingze.quiz.Grade;
import org.mingze.quiz.exam.AttemptGraded;
import org.mingze.quiz.exam.AttemptStatus;
import org.mingze.quiz.exam.AttemptSubmitted;
import org.mingze.quiz.exam.ClosedBy;
import org.mingze.quiz.internal.WrongAnswerBook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The attempt state machine's closing half, without access checks (the services make them): closes an attempt (by
 * the learner, the deadline or the tab-leave limit), grades it with the shared grader, records the answers in the
 * wrong-answer book, audits and announces it; all in one transaction of its own under a row lock on the attempt and
 * its items, so a second close finds it closed and a save waiting on an item finds the item graded.
 */
@Component
public class AttemptEngine {

    private static final Logger LOG = LoggerFactory.getLogger(AttemptEngine.class);

    private final AttemptRepository attempts;
    private final ExamRepository exams;
    private final ExamJdbc jdbc;
    private final QuestionVersions questions;
    private final WrongAnswerBook book;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;
    /** The sweep's pool (null with one thread: the caller's). */
    private final ExecutorService sweepers;

    AttemptEngine(AttemptRepository attempts, ExamRepository exams, ExamJdbc jdbc, QuestionVersions questions,
                  WrongAnswerBook book, AuditLog audit, ApplicationEventPublisher events, Clock clock,
                  PlatformTransactionManager txm, @Value("${mingze.exam.sweep-threads:3}") int sweepThreads) {
        this.attempts = attempts;
        this.exams = exams;
        this.jdbc = jdbc;
        this.questions = questions;
        this.book = book;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(txm);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        AtomicInteger n = new AtomicInteger();
        this.sweepers = sweepThreads < 2 ? null : Executors.newFixedThreadPool(sweepThreads, r -> {
            Thread t = new Thread(r, "exam-sweep-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Now, to the millisecond (what the database stores). */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Closes and grades the attempt unless it is closed already; returns it as it is afterwards.
     *
     * @param by how it closes; DEADLINE only when the deadline has passed (else nothing happens)
     */
    public Closed close(long attemptId, ClosedBy by) {
        long member = attempts.findById(attemptId).map(StoredAttempt::getMemberId)
                .orElseThrow(() -> new IllegalArgumentException("no attempt " + attemptId));
        synchronized (book.lock(member)) {
            return tx.execute(status -> closeLocked(attemptId, by));
        }
    }

    /** The attempt after a close, and whether this call closed it. */
    public record Closed(StoredAttempt attempt, boolean now) {
    }

    private Closed closeLocked(long attemptId, ClosedBy by) {
        StoredAttempt a = attempts.lock(attemptId).orElseThrow();
        Instant now = now();
        if (a.getStatus() != AttemptStatus.IN_PROGRESS) {
            return new Closed(a, false);
        }
        if (by == ClosedBy.DEADLINE && now.isBefore(a.getDeadline())) {
            return new Closed(a, false);
        }
        StoredExam exam = exams.findById(a.getExamId()).orElseThrow();
        List<ItemRow> items = jdbc.lockItems(attemptId);
        Scoring.Scored scored = Scoring.score(items, questions::get, exam.getMultiplePolicy());
        jdbc.setGrades(attemptId, scored.items());
        Instant closedAt = by == ClosedBy.DEADLINE ? a.getDeadline() : now;
        a.close(by, closedAt);
        BigDecimal max = a.getMaxPoints();
        BigDecimal total = scored.total().min(max);
        boolean passed = total.compareTo(Scoring.needed(max, exam.getPassPercent())) >= 0;
        a.graded(scored.manual() ? AttemptStatus.AWAITING_MANUAL : AttemptStatus.GRADED, total,
                scored.manual() ? null : passed, now);
        book.recordTestAnswers(a.getMemberId(), scored.items().stream()
                .map(i -> new WrongAnswerBook.TestAnswer(i.questionId(), i.outcome())).toList());
        attempts.saveAndFlush(a);
        // the audit entry last: it locks the audit chain's head until the commit, so parallel closes queue only
        // for that
        String detail = "exam " + exam.getId() + " member " + a.getMemberId() + " #" + a.getAttemptNo() + ": "
                + plain(total) + "/" + plain(max) + (scored.manual() ? " (essays wait)" : passed ? " passed"
                : " failed") + ", " + answered(items) + "/" + items.size() + " answered";
        switch (by) {
            case LEARNER -> audit.record("EXAM_ATTEMPT_SUBMIT", "attempt", attemptId, detail);
            case DEADLINE -> audit.recordAs(CurrentUser.SYSTEM, "EXAM_ATTEMPT_TIMEOUT", "attempt", attemptId,
                    detail + ", deadline " + a.getDeadline(), null);
            case TAB_LIMIT -> audit.record("EXAM_ATTEMPT_TAB_LIMIT", "attempt", attemptId,
                    detail + ", " + a.getTabLeaves() + " tab leaves");
            default -> throw new IllegalStateException(by.name());
        }
        events.publishEvent(new AttemptSubmitted(attemptId, exam.getId(), a.getMemberId(), exam.getPurpose(), by,
                closedAt));
        if (!scored.manual()) {
            events.publishEvent(new AttemptGraded(attemptId, exam.getId(), a.getMemberId(), exam.getPurpose(), total,
                    max, passed));
        }
        return new Closed(a, true);
    }

    /**
     * Sets an essay's grade and, when no essay waits any more, the attempt's total: GRADED, with the event.
     * The caller checked access and the points' range.
     */
    public AttemptStatus gradeEssay(long attemptId, int position, BigDecimal points, String comment) {
        return tx.execute(status -> {
            StoredAttempt a = attempts.lock(attemptId).orElseThrow();
            StoredExam exam = exams.findById(a.getExamId()).orElseThrow();
            List<ItemRow> items = jdbc.lockItems(attemptId);
            ItemRow item = items.stream().filter(i -> i.position() == position).findFirst().orElseThrow();
            Grade.Outcome outcome = points.signum() == 0 ? Grade.Outcome.WRONG
                    : points.compareTo(item.points()) >= 0 ? Grade.Outcome.CORRECT : Grade.Outcome.PARTIAL;
            Instant now = now();
            jdbc.setEssayGrade(attemptId, position, outcome, points, comment, CurrentUser.actor(), now);
            BigDecimal total = Scoring.zero();
            boolean waiting = false;
            for (ItemRow i : items) {
                if (i.position() == position) {
                    total = total.add(points);
                } else {
                    waiting |= i.outcome() == Grade.Outcome.MANUAL;
                    total = total.add(i.earned() == null ? BigDecimal.ZERO : i.earned());
                }
            }
            BigDecimal max = a.getMaxPoints();
            total = total.min(max);
            boolean passed = total.compareTo(Scoring.needed(max, exam.getPassPercent())) >= 0;
            boolean wasGraded = a.getStatus() == AttemptStatus.GRADED;
            a.graded(waiting ? AttemptStatus.AWAITING_MANUAL : AttemptStatus.GRADED, total, waiting ? null : passed,
                    now);
            audit.record("EXAM_GRADE", "attempt", attemptId, "question " + item.questionId() + " (#" + (position + 1)
                    + "): " + plain(points) + "/" + plain(item.points()) + (waiting ? "" : "; total " + plain(total)
                    + "/" + plain(max) + (passed ? " passed" : " failed")));
            attempts.saveAndFlush(a);
            if (!waiting && !wasGraded) {
                events.publishEvent(new AttemptGraded(attemptId, exam.getId(), a.getMemberId(), exam.getPurpose(),
                        total, max, passed));
            }
            return a.getStatus();
        });
    }

    /**
     * Closes every attempt whose deadline has passed; returns how many it closed. With many overdue (a test's
     * deadline: hundreds at once) they are closed on a small pool of {@code mingze.exam.sweep-threads} threads, each
     * attempt in its own transaction as {@link #close} does; the row lock on the attempt keeps each closed and
     * graded once, whoever else (a late submit, the next access) closes it at the same moment.
     */
    public int sweep() {
        List<Long> overdue = attempts.overdue(AttemptStatus.IN_PROGRESS, now());
        if (overdue.size() < 2 || sweepers == null) {
            int closed = 0;
            for (Long id : overdue) {
                closed += closeOverdue(id) ? 1 : 0;
            }
            return closed;
        }
        List<Future<Boolean>> done = new ArrayList<>(overdue.size());
        for (Long id : overdue) {
            done.add(sweepers.submit(() -> closeOverdue(id)));
        }
        int closed = 0;
        for (Future<Boolean> f : done) {
            try {
                closed += f.get() ? 1 : 0;
            } catch (ExecutionException e) {
                LOG.warn("could not close an overdue attempt", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return closed;
    }

    private boolean closeOverdue(long id) {
        try {
            return close(id, ClosedBy.DEADLINE).now();
        } catch (RuntimeException e) {
            LOG.warn("could not close overdue attempt {}", id, e);
            return false;
        }
    }

    @PreDestroy
    void stop() {
        if (sweepers != null) {
            sweepers.shutdownNow();
        }
    }

    private static long answered(List<ItemRow> items) {
        return items.stream().filter(i -> i.response() != null && !i.response().isEmpty()).count();
    }

    static String plain(BigDecimal d) {
        return d == null ? "-" : d.stripTrailingZeros().toPlainString().toLowerCase(Locale.ROOT);
    }
}
