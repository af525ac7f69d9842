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
import jakarta.persistence.EntityManager;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.hibernate.Session;
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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
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
    private final TransactionTemplate noTx;
    /** The sweep's pool (null with one thread: the caller's). */
    private final ExecutorService sweepers;
    private final int sweepThreads;
    private final int sweepBatch;
    private final OpenAttempts open;
    private final EntityManager em;

    AttemptEngine(AttemptRepository attempts, ExamRepository exams, ExamJdbc jdbc, QuestionVersions questions,
                  WrongAnswerBook book, AuditLog audit, ApplicationEventPublisher events, Clock clock,
                  PlatformTransactionManager txm, @Value("${mingze.exam.sweep-threads:3}") int sweepThreads,
                  @Value("${mingze.exam.sweep-batch:50}") int sweepBatch, OpenAttempts open, EntityManager em) {
        this.sweepThreads = sweepThreads;
        this.sweepBatch = sweepBatch;
        this.open = open;
        this.em = em;
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
        this.noTx = new TransactionTemplate(txm);
        this.noTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
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
        Group g;
        synchronized (book.lock(member)) {
            g = tx.execute(status -> closeLocked(List.of(attemptId), by));
        }
        announce(g);
        return g.closed().get(0);
    }

    /**
     * The attempts after closing a group, and the events to publish once its transaction has completed and its
     * connection is back in the pool: listeners of other modules (reviews, schedule) open a transaction of their
     * own, and run inside the closing transaction's completion they held a second connection per close, so that as
     * many concurrent closes as the pool has connections waited on each other until the pool's timeout.
     */
    private record Group(List<Closed> closed, List<Object> announcements) {
    }

    /**
     * Publishes a group's events outside any transaction (a caller's own is suspended), so that the listeners
     * (after-commit listeners with fallback execution) run at once, as after the closing commit, whatever the caller.
     */
    private void announce(Group g) {
        if (!g.announcements().isEmpty()) {
            noTx.executeWithoutResult(s -> g.announcements().forEach(events::publishEvent));
        }
    }

    /** The attempt after a close, and whether this call closed it. */
    public record Closed(StoredAttempt attempt, boolean now) {
    }

    /**
     * Closes a group of attempts in the caller's transaction with a few statements for all of them: one to lock the
     * attempts (ascending ids), one for the tests, one to lock their items, one batch for the items' grades, one
     * SELECT and two batches for the wrong-answer book, one batch for the attempts; then an audit entry each (last:
     * it locks the audit chain's head until the commit). Each attempt ends as closing it alone would leave it. The
     * caller holds the book locks of every member. Once the transaction commits, the save cache forgets them.
     */
    private Group closeLocked(List<Long> ids, ClosedBy by) {
        List<StoredAttempt> locked = ids.size() == 1
                ? List.of(attempts.lock(ids.get(0)).orElseThrow()) : attempts.lockAll(ids);
        Instant now = now();
        List<Closed> out = new ArrayList<>(locked.size());
        List<StoredAttempt> closing = new ArrayList<>();
        for (StoredAttempt a : locked) {
            if (a.getStatus() != AttemptStatus.IN_PROGRESS
                    || by == ClosedBy.DEADLINE && now.isBefore(a.getDeadline())) {
                out.add(new Closed(a, false));
            } else {
                closing.add(a);
            }
        }
        if (closing.isEmpty()) {
            return new Group(out, List.of());
        }
        List<Long> closingIds = closing.stream().map(StoredAttempt::getId).toList();
        forgetAfterCommit(closingIds);
        Map<Long, StoredExam> examsById = new HashMap<>();
        exams.findAllById(closing.stream().map(StoredAttempt::getExamId).distinct().toList())
                .forEach(e -> examsById.put(e.getId(), e));
        Map<Long, List<ItemRow>> items = closingIds.size() == 1
                ? Map.of(closingIds.get(0), jdbc.lockItems(closingIds.get(0))) : jdbc.lockItems(closingIds);
        Map<Long, List<ItemRow>> grades = new LinkedHashMap<>();
        Map<Long, List<WrongAnswerBook.TestAnswer>> answers = new LinkedHashMap<>();
        List<Runnable> audits = new ArrayList<>();
        List<Object> announcements = new ArrayList<>();
        for (StoredAttempt a : closing) {
            StoredExam exam = examsById.get(a.getExamId());
            List<ItemRow> its = items.getOrDefault(a.getId(), List.of());
            Scoring.Scored scored = Scoring.score(its, questions::get, exam.getMultiplePolicy());
            grades.put(a.getId(), scored.items());
            Instant closedAt = by == ClosedBy.DEADLINE ? a.getDeadline() : now;
            a.close(by, closedAt);
            BigDecimal max = a.getMaxPoints();
            BigDecimal total = scored.total().min(max);
            boolean passed = total.compareTo(Scoring.needed(max, exam.getPassPercent())) >= 0;
            a.graded(scored.manual() ? AttemptStatus.AWAITING_MANUAL : AttemptStatus.GRADED, total,
                    scored.manual() ? null : passed, now);
            answers.computeIfAbsent(a.getMemberId(), m -> new ArrayList<>()).addAll(scored.items().stream()
                    .map(i -> new WrongAnswerBook.TestAnswer(i.questionId(), i.outcome())).toList());
            long attemptId = a.getId();
            String detail = "exam " + exam.getId() + " member " + a.getMemberId() + " #" + a.getAttemptNo() + ": "
                    + plain(total) + "/" + plain(max) + (scored.manual() ? " (essays wait)" : passed ? " passed"
                    : " failed") + ", " + answered(its) + "/" + its.size() + " answered";
            audits.add(switch (by) {
                case LEARNER -> () -> audit.record("EXAM_ATTEMPT_SUBMIT", "attempt", attemptId, detail);
                case DEADLINE -> () -> audit.recordAs(CurrentUser.SYSTEM, "EXAM_ATTEMPT_TIMEOUT", "attempt",
                        attemptId, detail + ", deadline " + a.getDeadline(), null);
                case TAB_LIMIT -> () -> audit.record("EXAM_ATTEMPT_TAB_LIMIT", "attempt", attemptId,
                        detail + ", " + a.getTabLeaves() + " tab leaves");
                default -> throw new IllegalStateException(by.name());
            });
            announcements.add(new AttemptSubmitted(attemptId, exam.getId(), a.getMemberId(), exam.getPurpose(), by,
                    closedAt));
            if (!scored.manual()) {
                announcements.add(new AttemptGraded(attemptId, exam.getId(), a.getMemberId(), exam.getPurpose(),
                        total, max, passed));
            }
            out.add(new Closed(a, true));
        }
        jdbc.setGrades(grades);
        book.recordTestAnswers(answers);
        // the attempts' UPDATEs (versioned) as one JDBC batch
        Session session = em.unwrap(Session.class);
        Integer batch = session.getJdbcBatchSize();
        session.setJdbcBatchSize(Math.max(1, closing.size()));
        try {
            attempts.saveAllAndFlush(closing);
        } finally {
            session.setJdbcBatchSize(batch);
        }
        audits.forEach(Runnable::run);
        out.sort(Comparator.comparingInt(c -> ids.indexOf(c.attempt().getId())));
        return new Group(out, announcements);
    }

    private void forgetAfterCommit(List<Long> ids) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                ids.forEach(open::forget);
            }
        });
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
     * Closes every attempt whose deadline has passed; returns how many it closed. They are closed in groups of at
     * most {@code mingze.exam.sweep-batch} (50), each group in one transaction with a few statements for all its
     * attempts (a test's deadline closes hundreds at once: a commit and a round trip per attempt were the cost), the
     * groups on a small pool of {@code mingze.exam.sweep-threads} threads. The row locks on the attempts keep each
     * closed and graded once, whoever else (a late submit, the next access) closes it at the same moment. If a
     * group's transaction fails, nothing of it was stored, and its attempts are closed one by one.
     */
    public int sweep() {
        List<Object[]> overdue = attempts.overdue(AttemptStatus.IN_PROGRESS, now());
        if (overdue.isEmpty()) {
            return 0;
        }
        int threads = sweepers == null ? 1 : sweepThreads;
        int size = Math.max(1, Math.min(sweepBatch, (overdue.size() + threads - 1) / threads));
        List<List<Object[]>> groups = new ArrayList<>();
        for (int from = 0; from < overdue.size(); from += size) {
            groups.add(overdue.subList(from, Math.min(overdue.size(), from + size)));
        }
        if (groups.size() < 2 || sweepers == null) {
            int closed = 0;
            for (List<Object[]> g : groups) {
                closed += closeOverdue(g);
            }
            return closed;
        }
        List<Future<Integer>> done = new ArrayList<>(groups.size());
        for (List<Object[]> g : groups) {
            done.add(sweepers.submit(() -> closeOverdue(g)));
        }
        int closed = 0;
        for (Future<Integer> f : done) {
            try {
                closed += f.get();
            } catch (ExecutionException e) {
                LOG.warn("could not close overdue attempts", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return closed;
    }

    /** Closes a group of overdue attempts (id, member each) in one transaction; one by one if that fails. */
    private int closeOverdue(List<Object[]> group) {
        List<Long> ids = group.stream().map(r -> ((Number) r[0]).longValue()).toList();
        List<Long> members = group.stream().map(r -> ((Number) r[1]).longValue()).distinct().sorted().toList();
        try {
            Group g = withBookLocks(members, 0, () -> tx.execute(status -> closeLocked(ids, ClosedBy.DEADLINE)));
            announce(g);
            return g.closed().stream().mapToInt(c -> c.now() ? 1 : 0).sum();
        } catch (RuntimeException e) {
            if (ids.size() == 1) {
                LOG.warn("could not close overdue attempt {}", ids.get(0), e);
                return 0;
            }
            LOG.info("closing {} overdue attempts together failed ({}); closing them one by one", ids.size(),
                    e.toString());
        }
        int closed = 0;
        for (Long id : ids) {
            try {
                closed += close(id, ClosedBy.DEADLINE).now() ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.warn("could not close overdue attempt {}", id, e);
            }
        }
        return closed;
    }

    /** Runs the work holding the wrong-answer book locks of the members (ascending: no two groups deadlock). */
    private <T> T withBookLocks(List<Long> members, int from, Supplier<T> work) {
        if (from == members.size()) {
            return work.get();
        }
        synchronized (book.lock(members.get(from))) {
            return withBookLocks(members, from + 1, work);
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
