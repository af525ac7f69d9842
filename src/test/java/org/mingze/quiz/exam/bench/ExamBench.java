package org.mingze.quiz.exam.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.mingze.MingzeTest;
import org.mingze.TestData;
import org.mingze.base.security.Role;
import org.mingze.library.MutableClock;
import org.mingze.quiz.Question;
import org.mingze.quiz.Response;
import org.mingze.quiz.exam.AttemptService;
import org.mingze.quiz.exam.AttemptView;
import org.mingze.quiz.exam.Exam;
import org.mingze.quiz.exam.ExamFixture;
import org.mingze.quiz.exam.ExamTest;
import org.mingze.quiz.exam.internal.AttemptEngine;
import org.mingze.quiz.exam.internal.SaveWriter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 5's exam benchmark, through the service layer on an H2 FILE database with the application's settings
 * (WRITE_DELAY=0; {@code -Dbench.write-delay=500} compares H2's default): 1,000 candidates start a 50-question test
 * at once ({@code bench.threads} worker threads play them), then every candidate's answers are saved round by round
 * (question 1 of everyone, then question 2, ... : 50,000 {@link AttemptService#save} calls, each timed); half of
 * them submit, the others are left to the deadline, which the clock then passes and the engine's sweep closes and
 * grades them. In the same run and database, the same 50,000 rows are inserted with plain JDBC (one per commit, same
 * threads) as the reference. Then the heap retained per open attempt view (the {@link AttemptView} a page holds;
 * the page itself, a Vaadin UI, is measured by {@link ExamViewBench}). Prints a table, writes it to
 * {@code target/bench/exam-benchmark.md}; figures in docs/benchmarks.md. Run: {@code ./mvnw -o -Pbench test
 * -Dtest=ExamBench}; {@code -Dbench.enforce=true} fails on a missed target.
 */
@EnabledIfSystemProperty(named = "mingze.bench", matches = "true")
@MingzeTest
@ExamTest
@TestPropertySource(properties = "mingze.exam.sweep-interval=1h")
class ExamBench {

    private static final int CANDIDATES = Integer.getInteger("bench.candidates", 1_000);
    private static final int QUESTIONS = Integer.getInteger("bench.questions", 50);
    private static final int THREADS = Integer.getInteger("bench.threads", 16);
    private static final int VIEWS = 200;
    private static final boolean ENFORCE = Boolean.getBoolean("bench.enforce");
    private static final Path REPORT = Path.of("target", "bench", "exam-benchmark.md");

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
    UserDetailsService users;
    /** A fresh file database with the application's settings. */
    private static final String URL = "jdbc:h2:file:" + Path.of("target", "bench", "exam-db",
            String.valueOf(System.currentTimeMillis()), "mingze").toAbsolutePath()
            + ";AUTO_SERVER=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=" + System.getProperty("bench.write-delay", "0");

    @DynamicPropertySource
    static void fileDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> URL);
    }
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void reset() {
        clock.reset();
        data.signOut();
    }

    @Test
    void a_thousand_candidates_answer_fifty_questions_within_the_targets() throws Exception {
        double loadBefore = load();
        Instant t0 = Instant.now();
        clock.set(t0);
        // set-up: a branch, 1,000 learners, 50 single-choice questions, a fixed paper, a 60-minute test
        ExamFixture.Branch b = fx.branch();
        List<Question> qs = fx.singles(fx.bankName(), QUESTIONS);
        Exam exam = fx.fixedExam(b, qs, s -> s.withTimeLimit(60).withShuffle(false, false));
        data.signOut();
        List<Authentication> people = new ArrayList<>();
        for (int i = 0; i < CANDIDATES; i++) {
            UserDetails u = users.loadUserByUsername(data.account(b.unit(), Role.LEARNER).getUsername());
            people.add(new UsernamePasswordAuthenticationToken(u, null, u.getAuthorities()));
        }
        progress("set up " + CANDIDATES + " learners and " + QUESTIONS + " questions in "
                + Duration.between(t0, Instant.now()).toSeconds() + " s");
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            // everyone starts at once
            AttemptView[] views = new AttemptView[CANDIDATES];
            long[] startNs = new long[CANDIDATES];
            long t = System.nanoTime();
            run(pool, CANDIDATES, i -> {
                as(people.get(i));
                long s = System.nanoTime();
                views[i] = attempts.startOrResume(exam.id());
                startNs[i] = System.nanoTime() - s;
            });
            double startS = seconds(t);
            progress("started " + CANDIDATES + " attempts in " + fmt(startS) + " s");

            // 50 rounds of saves: question r of every candidate; the shown option 0..3 by candidate and round
            long[] saveNs = new long[CANDIDATES * QUESTIONS];
            SaveWriter.Stats commitsBefore = writer.stats();
            t = System.nanoTime();
            run(pool, CANDIDATES * QUESTIONS, k -> {
                int round = k / CANDIDATES;
                int i = k % CANDIDATES;
                as(people.get(i));
                AttemptView v = views[i];
                long s = System.nanoTime();
                attempts.save(v.attemptId(), v.holderToken(), round, Response.choices(List.of(answer(i, round))));
                saveNs[k] = System.nanoTime() - s;
            });
            double savesS = seconds(t);
            SaveWriter.Stats commitsAfter = writer.stats();
            long commits = commitsAfter.commits() - commitsBefore.commits();
            progress(saveNs.length + " saves in " + fmt(savesS) + " s: " + fmt(saveNs.length / savesS) + "/s, p50/p95/p99 "
                    + ms(pct(saveNs, 50)) + "/" + ms(pct(saveNs, 95)) + "/" + ms(pct(saveNs, 99)) + " ms, load "
                    + fmt(load()));
            long heapAfterSaves = usedHeap(false);

            // no answer lost or duplicated
            List<Long> ids = Arrays.stream(views).map(AttemptView::attemptId).toList();
            long rows = count("SELECT COUNT(*) FROM quiz_attempt_item WHERE attempt_id IN (" + in(ids) + ")");
            long distinct = count("SELECT COUNT(DISTINCT (attempt_id, position)) FROM quiz_attempt_item "
                    + "WHERE attempt_id IN (" + in(ids) + ")");
            long once = count("SELECT COUNT(*) FROM quiz_attempt_item WHERE save_seq = 1 AND attempt_id IN ("
                    + in(ids) + ")");
            long wrongValue = 0;
            for (int i = 0; i < CANDIDATES; i++) {
                int c = i;
                List<Map<String, Object>> items = jdbc.queryForList("SELECT position, response FROM quiz_attempt_item "
                        + "WHERE attempt_id = ?", views[i].attemptId());
                wrongValue += items.stream().filter(m -> !String.valueOf(m.get("RESPONSE")).equals(
                        "{\"choices\":[" + answer(c, ((Number) m.get("POSITION")).intValue()) + "]}")).count();
            }

            // half submit; the rest are closed and graded by the sweep after the deadline
            long[] submitNs = new long[CANDIDATES / 2];
            t = System.nanoTime();
            run(pool, CANDIDATES / 2, i -> {
                as(people.get(i));
                long s = System.nanoTime();
                attempts.submit(views[i].attemptId(), views[i].holderToken());
                submitNs[i] = System.nanoTime() - s;
            });
            double submitS = seconds(t);
            Instant deadline = Arrays.stream(views).map(AttemptView::deadline).max(Instant::compareTo).orElseThrow();
            clock.set(deadline.plusMillis(1));
            t = System.nanoTime();
            int swept = engine.sweep();
            double gradeS = seconds(t);
            progress("submitted 500 in " + fmt(submitS) + " s; swept " + swept + " in " + fmt(gradeS) + " s, load "
                    + fmt(load()));
            long graded = count("SELECT COUNT(*) FROM quiz_attempt WHERE status = 'GRADED' AND id IN (" + in(ids)
                    + ")");
            long heapAfterGrading = usedHeap(true);

            // reference: the same rows with plain JDBC, one INSERT per commit, same threads
            jdbc.execute("CREATE TABLE bench_item AS SELECT * FROM quiz_attempt_item WHERE 1 = 0");
            List<Map<String, Object>> src = jdbc.queryForList("SELECT * FROM quiz_attempt_item WHERE attempt_id IN ("
                    + in(ids) + ")");
            List<String> cols = new ArrayList<>(src.get(0).keySet());
            String insert = "INSERT INTO bench_item (" + String.join(", ", cols) + ") VALUES ("
                    + String.join(", ", cols.stream().map(c -> "?").toList()) + ")";
            // own connections (not the pool's 10), one per worker thread, auto-commit as the pool's
            ThreadLocal<Connection> conn = ThreadLocal.withInitial(() -> {
                try {
                    return DriverManager.getConnection(URL, "sa", "");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            List<Connection> opened = java.util.Collections.synchronizedList(new ArrayList<>());
            long[] insertNs = new long[src.size()];
            t = System.nanoTime();
            run(pool, src.size(), k -> {
                Connection c = conn.get();
                if (!opened.contains(c)) {
                    opened.add(c);
                }
                Map<String, Object> row = src.get(k);
                long s = System.nanoTime();
                try (PreparedStatement ps = c.prepareStatement(insert)) {
                    for (int j = 0; j < cols.size(); j++) {
                        ps.setObject(j + 1, row.get(cols.get(j)));
                    }
                    ps.executeUpdate();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
                insertNs[k] = System.nanoTime() - s;
            });
            double insertS = seconds(t);
            progress("raw JDBC: " + insertNs.length + " inserts in " + fmt(insertS) + " s");
            for (Connection c : opened) {
                c.close();
            }
            jdbc.execute("DROP TABLE bench_item");

            // heap retained per open attempt view: 200 candidates' views of a second test held at once, measured as
            // the heap after GC with them held minus after letting them go; and their size as JSON
            clock.reset();
            List<AttemptView> held = new ArrayList<>();
            Exam second = fx.fixedExam(b, qs, s -> s.withTimeLimit(60));
            for (int i = 0; i < VIEWS; i++) {
                as(people.get(i));
                held.add(attempts.startOrResume(second.id()));
            }
            SecurityContextHolder.clearContext();
            long withViews = usedHeap(true);
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper()
                    .findAndRegisterModules();
            long jsonBytes = json.writeValueAsBytes(held.get(0)).length;
            assertThat(held).hasSize(VIEWS);
            held.clear();
            long withoutViews = usedHeap(true);
            double perViewKb = (withViews - withoutViews) / 1024.0 / VIEWS;
            progress(String.format(Locale.ROOT, "views: %.1f KB retained each, %d bytes as JSON", perViewKb,
                    jsonBytes));

            double savesPerS = saveNs.length / savesS;
            double p95 = pct(saveNs, 95);
            StringBuilder md = new StringBuilder();
            md.append("Run ").append(java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .substring(0, 16)).append(", ").append(Runtime.getRuntime().availableProcessors())
                    .append(" cores, max heap ").append(Runtime.getRuntime().maxMemory() >> 20).append(" MB, ")
                    .append(THREADS).append(" worker threads, H2 file, WRITE_DELAY=")
                    .append(System.getProperty("bench.write-delay", "0")).append(", load ")
                    .append(fmt(loadBefore)).append(" before / ").append(fmt(load())).append(" after\n\n");
            md.append("| measure | value | target |\n|---|---|---|\n");
            row(md, "start 1,000 attempts (50 items each)", fmt(startS) + " s; p50/p95 " + ms(pct(startNs, 50))
                    + "/" + ms(pct(startNs, 95)) + " ms", "");
            row(md, "saves", saveNs.length + " in " + fmt(savesS) + " s", "");
            row(md, "commits for the saves (group commit " + System.getProperty("mingze.exam.group-commit", "true")
                    + ")", String.format(Locale.ROOT, "%d, %.1f saves each on average, at most %d", commits,
                    (double) saveNs.length / Math.max(1, commits), commitsAfter.largest()), "");
            row(md, "save throughput", String.format(Locale.ROOT, "%.0f /s", savesPerS), ">= 1,500 /s");
            row(md, "save latency p50 / p95 / p99", ms(pct(saveNs, 50)) + " / " + ms(p95) + " / "
                    + ms(pct(saveNs, 99)) + " ms", "p95 <= 25 ms");
            row(md, "answers lost / duplicated / wrong value", (rows - distinct == 0 ? 0 : rows - distinct) + " dup, "
                    + (CANDIDATES * QUESTIONS - once) + " rows not saved exactly once, " + wrongValue
                    + " wrong value", "0");
            row(md, "submit 500 (grade inline)", fmt(submitS) + " s; p50/p95 " + ms(pct(submitNs, 50)) + "/"
                    + ms(pct(submitNs, 95)) + " ms", "");
            row(md, "grade the other 500 after the deadline (one sweep)", fmt(gradeS) + " s (" + swept
                    + " closed)", "<= 10 s");
            row(md, "graded in total", graded + " of " + CANDIDATES, "all");
            row(md, "raw JDBC insert of the same rows (1 per commit)", String.format(Locale.ROOT,
                    "%.0f /s; p50/p95 %s/%s ms", insertNs.length / insertS, ms(pct(insertNs, 50)),
                    ms(pct(insertNs, 95))), "reference");
            row(md, "heap used after saves / after grading (after GC)", (heapAfterSaves >> 20) + " / "
                    + (heapAfterGrading >> 20) + " MB", "");
            row(md, "heap retained per open attempt view (200 AttemptViews of 50 questions; JSON size of one)",
                    String.format(Locale.ROOT, "%.1f KB (%.1f KB as JSON)", perViewKb, jsonBytes / 1024.0),
                    "<= 300 KB for the page: ExamViewBench");
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, md.toString());
            System.out.println(md);

            assertThat(rows).as("item rows").isEqualTo((long) CANDIDATES * QUESTIONS);
            assertThat(distinct).as("no duplicated answer").isEqualTo(rows);
            assertThat(once).as("every answer stored once").isEqualTo(rows);
            assertThat(wrongValue).as("answers with another value than saved").isZero();
            assertThat(graded).as("graded").isEqualTo(CANDIDATES);
            if (ENFORCE) {
                assertThat(savesPerS).as("saves/s").isGreaterThanOrEqualTo(1_500);
                assertThat(p95 / 1e6).as("p95 save ms").isLessThanOrEqualTo(25);
                assertThat(gradeS).as("grading after the deadline, s").isLessThanOrEqualTo(10);
                assertThat(perViewKb).as("KB per view").isLessThanOrEqualTo(300);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void progress(String line) throws java.io.IOException {
        System.out.println("ExamBench: " + line);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT.resolveSibling("exam-benchmark-progress.txt"), line + "\n",
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    private static int answer(int candidate, int round) {
        return (candidate + round) % 4;
    }

    private static void as(Authentication a) {
        SecurityContextHolder.getContext().setAuthentication(a);
    }

    interface Task {
        void run(int i) throws Exception;
    }

    /** Runs n tasks on the pool in index order; fails on the first failure. */
    private static void run(ExecutorService pool, int n, Task task) throws Exception {
        List<Future<?>> fs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int k = i;
            fs.add(pool.submit(() -> {
                try {
                    task.run(k);
                } finally {
                    SecurityContextHolder.clearContext();
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get(30, TimeUnit.MINUTES);
        }
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    private static String in(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    private static void row(StringBuilder md, String what, String value, String target) {
        md.append("| ").append(what).append(" | ").append(value).append(" | ").append(target).append(" |\n");
    }

    private static double pct(long[] ns, int p) {
        long[] s = ns.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }

    private static String ms(double ns) {
        return String.format(Locale.ROOT, "%.1f", ns / 1e6);
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }

    private static double seconds(long t) {
        return (System.nanoTime() - t) / 1e9;
    }

    private static long usedHeap(boolean gc) throws InterruptedException {
        if (gc) {
            for (int i = 0; i < 5; i++) {
                System.gc();
                Thread.sleep(200);
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
