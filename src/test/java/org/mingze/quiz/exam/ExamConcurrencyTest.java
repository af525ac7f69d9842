package org.mingze.quiz.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.TestData;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.audit.AuditQuery;
import org.mingze.base.security.Role;
import org.mingze.library.MutableClock;
import org.mingze.quiz.Question;
import org.mingze.quiz.Response;
import org.mingze.quiz.exam.internal.AttemptEngine;
import org.mingze.quiz.exam.internal.SaveWriter;
import org.mingze.quiz.internal.WrongAnswerBook;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Many candidates at once: saves committed together (group commit) each get their own answer or their own refusal,
 * and a sweep on several threads racing late submits closes and grades every overdue attempt exactly once.
 */
@MingzeTest
@ExamTest
class ExamConcurrencyTest {

    @Autowired
    AttemptService attempts;
    @Autowired
    AttemptEngine engine;
    @Autowired
    SaveWriter writer;
    @Autowired
    ExamFixture fx;
    @Autowired
    TestData data;
    @Autowired
    MutableClock clock;
    @Autowired
    AuditLog audit;
    @Autowired
    WrongAnswerBook book;
    @Autowired
    ExamTestConfig.Events events;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ExamService exams;
    @Autowired
    org.mingze.quiz.exam.internal.OpenAttempts open;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager txm;

    Instant t0;

    @BeforeEach
    void fixTheClock() {
        t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(t0);
    }

    @AfterEach
    void reset() {
        clock.reset();
        data.signOut();
    }

    /** A learner of the branch, signed in on this thread; returns the authentication to use on other threads. */
    private Authentication learner(ExamFixture.Branch b) {
        data.signIn(data.account(b.unit(), Role.LEARNER).getUsername());
        return SecurityContextHolder.getContext().getAuthentication();
    }

    private static <T> List<T> all(ExecutorService pool, List<Callable<T>> calls) throws Exception {
        List<T> out = new ArrayList<>();
        for (Future<T> f : pool.invokeAll(calls, 2, TimeUnit.MINUTES)) {
            out.add(f.get());
        }
        return out;
    }

    @Test
    void saves_committed_together_each_get_their_own_acknowledgement_or_their_own_refusal() throws Exception {
        ExamFixture.Branch b = fx.branch();
        List<Question> qs = fx.singles(fx.bankName(), 5);
        Exam shortOne = fx.fixedExam(b, qs, s -> s.withTimeLimit(10).withShuffle(false, false));
        Exam longOne = fx.fixedExam(b, qs, s -> s.withTimeLimit(60).withShuffle(false, false));
        // 6 candidates in time, 2 whose 10 minutes are over, 2 whose attempt continued in another tab
        record Candidate(String kind, Authentication who, AttemptView view) {
        }
        List<Candidate> cs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Authentication who = learner(b);
            String kind = i < 6 ? "ok" : i < 8 ? "late" : "old-tab";
            AttemptView v = attempts.startOrResume(kind.equals("late") ? shortOne.id() : longOne.id());
            if (kind.equals("old-tab")) {
                attempts.startOrResume(longOne.id());
            }
            cs.add(new Candidate(kind, who, v));
        }
        data.signOut();
        clock.set(t0.plus(Duration.ofMinutes(10)));
        SaveWriter.Stats before = writer.stats();
        CountDownLatch go = new CountDownLatch(1);
        Map<String, Integer> acked = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(cs.size());
        List<Callable<String>> calls = new ArrayList<>();
        for (Candidate c : cs) {
            calls.add(() -> {
                SecurityContextHolder.getContext().setAuthentication(c.who());
                try {
                    go.await();
                    StringBuilder outcomes = new StringBuilder();
                    for (int n = 0; n < 40; n++) {
                        int pos = n % 5;
                        try {
                            SaveAck ack = attempts.save(c.view().attemptId(), c.view().holderToken(), pos,
                                    Response.choices(List.of(n % 4)));
                            assertThat(ack.attemptId()).isEqualTo(c.view().attemptId());
                            assertThat(ack.position()).isEqualTo(pos);
                            acked.merge(c.view().attemptId() + ":" + pos, 1, Integer::sum);
                            outcomes.append('A');
                        } catch (AttemptClosedException e) {
                            assertThat(e.closedBy()).isEqualTo(ClosedBy.DEADLINE);
                            outcomes.append('C');
                        } catch (AttemptTakenOverException e) {
                            outcomes.append('T');
                        }
                    }
                    return c.kind() + " " + outcomes;
                } finally {
                    SecurityContextHolder.clearContext();
                }
            });
        }
        List<Future<String>> running = new ArrayList<>();
        for (Callable<String> call : calls) {
            running.add(pool.submit(call));
        }
        go.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> f : running) {
            results.add(f.get(2, TimeUnit.MINUTES));
        }
        pool.shutdown();

        assertThat(results.subList(0, 6)).allSatisfy(r -> assertThat(r).isEqualTo("ok " + "A".repeat(40)));
        assertThat(results.subList(6, 8)).allSatisfy(r -> assertThat(r).isEqualTo("late " + "C".repeat(40)));
        assertThat(results.subList(8, 10)).allSatisfy(r -> assertThat(r).isEqualTo("old-tab " + "T".repeat(40)));
        // what is stored: the last answer of each position, as many saves as acknowledged, nothing for the others
        for (Candidate c : cs) {
            for (Map<String, Object> row : jdbc.queryForList("SELECT position, response, save_seq FROM "
                    + "quiz_attempt_item WHERE attempt_id = ?", c.view().attemptId())) {
                int pos = ((Number) row.get("POSITION")).intValue();
                int seq = ((Number) row.get("SAVE_SEQ")).intValue();
                if (c.kind().equals("ok")) {
                    assertThat(seq).isEqualTo(8).isEqualTo(acked.get(c.view().attemptId() + ":" + pos));
                    assertThat(row.get("RESPONSE")).isEqualTo("{\"choices\":[" + ((35 + pos) % 4) + "]}");
                } else {
                    assertThat(seq).as("%s position %d", c.kind(), pos).isZero();
                    assertThat(row.get("RESPONSE")).isNull();
                }
            }
        }
        // and the saves did share commits
        SaveWriter.Stats after = writer.stats();
        assertThat(after.saves() - before.saves()).isGreaterThanOrEqualTo(6 * 40);
        assertThat(after.commits() - before.commits()).isLessThan(after.saves() - before.saves());
    }

    @Test
    void a_sweep_on_several_threads_racing_late_submits_grades_each_overdue_attempt_exactly_once() throws Exception {
        ExamFixture.Branch b = fx.branch();
        List<Question> qs = fx.singles(fx.bankName(), 3);
        Exam exam = fx.fixedExam(b, qs, s -> s.withTimeLimit(5).withShuffle(false, false));
        List<Authentication> who = new ArrayList<>();
        List<AttemptView> views = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            who.add(learner(b));
            AttemptView v = attempts.startOrResume(exam.id());
            attempts.save(v.attemptId(), v.holderToken(), 0, Response.choices(List.of(0))); // wrong
            attempts.save(v.attemptId(), v.holderToken(), 1, Response.choices(List.of(1))); // right
            views.add(v);
        }
        data.signOut();
        clock.set(t0.plus(Duration.ofMinutes(5)));
        int eventsBefore = events.all().size();

        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<Integer>> calls = new ArrayList<>();
        calls.add(engine::sweep);
        calls.add(engine::sweep);
        for (int i = 0; i < views.size(); i++) {
            int k = i;
            calls.add(() -> {
                SecurityContextHolder.getContext().setAuthentication(who.get(k));
                try {
                    SubmitResult r = attempts.submit(views.get(k).attemptId(), views.get(k).holderToken());
                    assertThat(r.closedBy()).isEqualTo(ClosedBy.DEADLINE);
                    return 0;
                } finally {
                    SecurityContextHolder.clearContext();
                }
            });
        }
        List<Integer> swept = all(pool, calls);
        pool.shutdown();
        assertThat(swept.get(0) + swept.get(1)).isBetween(0, 12);

        data.signIn("admin");
        for (int i = 0; i < views.size(); i++) {
            long id = views.get(i).attemptId();
            assertThat(jdbc.queryForObject("SELECT status || ' ' || closed_by || ' ' || score FROM quiz_attempt "
                    + "WHERE id = ?", String.class, id)).isEqualTo("GRADED DEADLINE 1.00");
            assertThat(audit.search(new AuditQuery(null, "EXAM_ATTEMPT_TIMEOUT", null, String.valueOf(id), null,
                    null), 0, 5).getContent()).as("timeout audited once for attempt %d", id).hasSize(1);
            long member = jdbc.queryForObject("SELECT member_id FROM quiz_attempt WHERE id = ?", Long.class, id);
            // the wrong and the unanswered question entered the book once, the right one not at all
            assertThat(book.entry(member, qs.get(0).id())).hasValueSatisfying(w -> assertThat(w.getTimesWrong())
                    .isEqualTo(1));
            assertThat(book.entry(member, qs.get(1).id())).isEmpty();
            assertThat(book.entry(member, qs.get(2).id())).hasValueSatisfying(w -> assertThat(w.getTimesWrong())
                    .isEqualTo(1));
        }
        List<Long> ids = views.stream().map(AttemptView::attemptId).toList();
        List<Object> now = events.all();
        List<Object> mine = now.subList(eventsBefore, now.size());
        assertThat(mine).filteredOn(e -> e instanceof AttemptSubmitted s && ids.contains(s.attemptId()))
                .hasSize(12);
        assertThat(mine).filteredOn(e -> e instanceof AttemptGraded g && ids.contains(g.attemptId())).hasSize(12);
    }

    @Test
    void more_time_granted_while_the_attempt_is_being_closed_waits_for_the_close_and_leaves_the_closed_attempt_alone()
            throws Exception {
        ExamFixture.Branch b = fx.branch();
        Exam exam = fx.fixedExam(b, fx.singles(fx.bankName(), 2), s -> s.withTimeLimit(10));
        data.signIn(b.learner());
        long member = org.mingze.base.security.CurrentUser.require().memberId();
        AttemptView v = attempts.startOrResume(exam.id());
        long id = v.attemptId();
        java.sql.Timestamp deadline = jdbc.queryForObject("SELECT deadline FROM quiz_attempt WHERE id = ?",
                java.sql.Timestamp.class, id);
        CountDownLatch locked = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        org.springframework.transaction.support.TransactionTemplate t =
                new org.springframework.transaction.support.TransactionTemplate(txm);
        // a close in progress: it holds the attempt's row lock a while, then changes the attempt and commits
        Future<?> closing = pool.submit(() -> t.executeWithoutResult(s -> {
            jdbc.queryForObject("SELECT id FROM quiz_attempt WHERE id = ? FOR UPDATE", Long.class, id);
            locked.countDown();
            try {
                Thread.sleep(700);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            jdbc.update("UPDATE quiz_attempt SET status = 'GRADED', version = version + 1 WHERE id = ?", id);
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        data.signIn(b.organiser());
        // granted while the close holds the lock: no optimistic-lock error, the exception itself is stored
        exams.grantException(exam.id(), new ExamExceptionDraft(member, 15, null, 0, "生病，经批准延长时间"));
        closing.get(10, TimeUnit.SECONDS);
        pool.shutdown();
        assertThat(jdbc.queryForObject("SELECT status FROM quiz_attempt WHERE id = ?", String.class, id))
                .isEqualTo("GRADED");
        assertThat(jdbc.queryForObject("SELECT deadline FROM quiz_attempt WHERE id = ?", java.sql.Timestamp.class,
                id)).as("a closed attempt keeps its deadline").isEqualTo(deadline);
        assertThat(exams.exceptions(exam.id())).hasSize(1);
    }

    @Test
    void the_save_cache_forgets_an_attempt_closed_by_the_sweep() {
        ExamFixture.Branch b = fx.branch();
        Exam exam = fx.fixedExam(b, fx.singles(fx.bankName(), 2), s -> s.withTimeLimit(10));
        data.signIn(b.learner());
        AttemptView v = attempts.startOrResume(exam.id());
        attempts.save(v.attemptId(), v.holderToken(), 0, Response.choices(List.of(1)));
        assertThat(open.holds(v.attemptId())).as("cached by the save").isTrue();
        clock.set(t0.plus(Duration.ofMinutes(11)));
        assertThat(engine.sweep()).isPositive();
        assertThat(open.holds(v.attemptId())).as("forgotten when the sweep closed it").isFalse();
    }
}
