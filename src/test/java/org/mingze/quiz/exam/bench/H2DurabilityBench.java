package org.mingze.quiz.exam.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.mingze.quiz.exam.crash.JdbcAnswerWriter;
import org.mingze.quiz.exam.crash.KillLoop;

/**
 * Does H2 (file mode, the project's URL settings) keep a commit that has returned when the JVM is killed with
 * SIGKILL, with its default settings and with {@code WRITE_DELAY=0} (decision 0009)? Plain JDBC, no Spring: a child
 * JVM ({@link JdbcAnswerWriter}) updates one row per "answer" from several threads and prints an ACK after each
 * commit; this test kills it at random moments, checks the database against the ACKs, restarts it, for
 * {@code bench.cycles} cycles per setting. Then it times commits of each setting without kills (1 and 4 threads).
 * Prints a table and writes it to {@code target/bench/h2-durability.md}; findings in decision 0009 and
 * docs/benchmarks.md. Run: {@code ./mvnw -o -Pbench test -Dtest=H2DurabilityBench}.
 */
@EnabledIfSystemProperty(named = "mingze.bench", matches = "true")
class H2DurabilityBench {

    private static final int CYCLES = Integer.getInteger("bench.cycles", 12);
    private static final int THREADS = Integer.getInteger("bench.threads", 4);
    private static final int ROWS = 400;
    private static final Path DIR = Path.of("target", "bench", "h2-durability");

    record Outcome(String setting, int cycles, long acked, int cyclesWithLoss, long lostAcks, int rowsShort,
                   int maxRowsShort, long duplicates) {
    }

    record Cost(String setting, int threads, long commits, double seconds, long p50us, long p95us, long p99us) {
        double perSecond() {
            return commits / seconds;
        }
    }

    @Test
    void acknowledged_commits_survive_sigkill_only_with_write_delay_zero() throws Exception {
        String base = "AUTO_SERVER=FALSE;LOCK_TIMEOUT=10000";
        List<Outcome> outcomes = new ArrayList<>();
        List<Cost> costs = new ArrayList<>();
        for (String[] setting : new String[][]{{"default (WRITE_DELAY unset)", base},
                {"WRITE_DELAY=0", base + ";WRITE_DELAY=0"}}) {
            Path dir = DIR.resolve(setting[0].startsWith("default") ? "default" : "wd0");
            deleteTree(dir);
            String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("db") + ";" + setting[1];
            outcomes.add(killCycles(setting[0], url, dir));
            for (int threads : new int[]{1, THREADS}) {
                Path cdir = dir.resolve("cost" + threads);
                String curl = "jdbc:h2:file:" + cdir.toAbsolutePath().resolve("db") + ";" + setting[1];
                costs.add(cost(setting[0], curl, threads, cdir));
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("H2 ").append(org.h2.engine.Constants.FULL_VERSION).append(", ").append(CYCLES)
                .append(" SIGKILL cycles per setting, ").append(THREADS).append(" writer threads, ").append(ROWS)
                .append(" rows; load before: ").append(load()).append("\n\n");
        md.append("| setting | cycles | commits acknowledged | cycles losing acknowledged commits | acknowledged commits lost | rows behind their last ACK (max in one cycle) | duplicates |\n|---|---|---|---|---|---|---|\n");
        for (Outcome o : outcomes) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d (%d) | %d |%n", o.setting(),
                    o.cycles(), o.acked(), o.cyclesWithLoss(), o.lostAcks(), o.rowsShort(), o.maxRowsShort(),
                    o.duplicates()));
        }
        md.append("\n| setting | threads | commits/s | p50 µs | p95 µs | p99 µs |\n|---|---|---|---|---|---|\n");
        for (Cost c : costs) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %d | %d | %d |%n", c.setting(), c.threads(),
                    c.perSecond(), c.p50us(), c.p95us(), c.p99us()));
        }
        md.append("\nload after: ").append(load()).append('\n');
        Files.createDirectories(DIR);
        Files.writeString(DIR.getParent().resolve("h2-durability.md"), md.toString());
        System.out.println(md);
    }

    /** Kill cycles: run, SIGKILL at a random moment, compare the file with the ACKs, restart. */
    private Outcome killCycles(String setting, String url, Path dir) throws Exception {
        Random random = new Random(20261128L);
        ConcurrentHashMap<Integer, Long> acked = new ConcurrentHashMap<>();
        AtomicLong ackCount = new AtomicLong();
        int cyclesWithLoss = 0;
        long lost = 0;
        int rowsShort = 0;
        int maxShort = 0;
        long duplicates = 0;
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            KillLoop.Child child = KillLoop.start(JdbcAnswerWriter.class, List.of("-Xmx256m"),
                    List.of(url, String.valueOf(THREADS), String.valueOf(ROWS), "0"), dir.resolve("out.txt"),
                    dir.resolve("child.log"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!child.printed("ACK ") && System.nanoTime() < deadline && child.process().isAlive()) {
                Thread.sleep(10);
            }
            if (!child.printed("ACK ")) {
                child.kill();
                throw new IllegalStateException("no ACK within 60 s; see " + dir.resolve("child.log"));
            }
            Thread.sleep(200 + random.nextInt(1800));
            child.kill();
            for (String line : child.lines()) {
                if (line.startsWith("ACK ")) {
                    String[] p = line.split(" ");
                    acked.merge(Integer.parseInt(p[1]), Long.parseLong(p[2]), Math::max);
                    ackCount.incrementAndGet();
                }
            }
            // what is in the file now?
            int shortNow = 0;
            long lostNow = 0;
            try (Connection c = DriverManager.getConnection(url, "sa", "");
                 Statement s = c.createStatement()) {
                try (ResultSet r = s.executeQuery("SELECT row_no, val FROM answer")) {
                    while (r.next()) {
                        long want = acked.getOrDefault(r.getInt(1), 0L);
                        long have = r.getLong(2);
                        if (have < want) {
                            shortNow++;
                            lostNow += want - have; // values are consecutive per row: each one is one commit
                        }
                    }
                }
                try (ResultSet r = s.executeQuery("SELECT COUNT(*) - COUNT(DISTINCT row_no) FROM answer")) {
                    r.next();
                    duplicates += r.getLong(1);
                }
                // continue from the file's values, as the app would after a restart
                try (ResultSet r = s.executeQuery("SELECT row_no, val FROM answer")) {
                    while (r.next()) {
                        acked.put(r.getInt(1), Math.max(r.getLong(2), 0));
                    }
                }
            }
            if (shortNow > 0) {
                cyclesWithLoss++;
            }
            lost += lostNow;
            rowsShort += shortNow;
            maxShort = Math.max(maxShort, shortNow);
        }
        return new Outcome(setting, CYCLES, ackCount.get(), cyclesWithLoss, lost, rowsShort, maxShort, duplicates);
    }

    private Cost cost(String setting, String url, int threads, Path dir) throws Exception {
        deleteTree(dir);
        int seconds = Integer.getInteger("bench.cost.seconds", 5);
        KillLoop.Child child = KillLoop.start(JdbcAnswerWriter.class, List.of("-Xmx256m"),
                List.of(url, String.valueOf(threads), String.valueOf(ROWS), String.valueOf(seconds)),
                dir.resolve("out.txt"), dir.resolve("child.log"));
        int rc = child.await(120);
        String[] stat = {child.lines().stream().filter(l -> l.startsWith("STAT ")).findFirst().orElse(null)};
        if (rc != 0 || stat[0] == null) {
            throw new IllegalStateException("cost run failed (" + rc + "); see " + dir.resolve("child.log"));
        }
        String[] p = stat[0].split(" ");
        return new Cost(setting, threads, Long.parseLong(p[1]), seconds, Long.parseLong(p[3]), Long.parseLong(p[4]),
                Long.parseLong(p[5]));
    }

    static String load() {
        return String.format(Locale.ROOT, "%.2f",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    static void deleteTree(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
