package org.mingze.quiz.exam.crash;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Child JVM of the plain-JDBC durability experiment: like the exam's save path, each "answer" is one UPDATE of a
 * row that exists from the start, in its own transaction (auto-commit). Threads own disjoint rows and write
 * increasing values; after each {@code executeUpdate} returns (the commit), the thread prints {@code ACK row value}.
 * Runs until killed, or for {@code seconds} and then prints {@code STAT commits nanos p50 p95 p99} (microseconds).
 *
 * <p>Arguments: JDBC URL, threads, rows, seconds (0 = until killed).
 */
public final class JdbcAnswerWriter {

    private JdbcAnswerWriter() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int threads = Integer.parseInt(args[1]);
        int rows = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        long[] start = new long[rows];
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS answer (row_no INT PRIMARY KEY, val BIGINT NOT NULL, "
                        + "saved_at TIMESTAMP, save_seq INT NOT NULL)");
                try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM answer")) {
                    r.next();
                    if (r.getInt(1) == 0) {
                        try (PreparedStatement ins = c.prepareStatement(
                                "INSERT INTO answer (row_no, val, save_seq) VALUES (?, 0, 0)")) {
                            for (int i = 0; i < rows; i++) {
                                ins.setInt(1, i);
                                ins.addBatch();
                            }
                            ins.executeBatch();
                        }
                    }
                }
                try (ResultSet r = s.executeQuery("SELECT row_no, val FROM answer")) {
                    while (r.next()) {
                        start[r.getInt(1)] = r.getLong(2);
                    }
                }
            }
        }
        out.println("READY");
        long until = seconds == 0 ? Long.MAX_VALUE : System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[threads];
        for (int t = 0; t < threads; t++) {
            int me = t;
            long[] lat = new long[2_000_000];
            latencies.add(lat);
            Thread w = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url, "sa", "");
                     PreparedStatement up = c.prepareStatement("UPDATE answer SET val = ?, saved_at = "
                             + "CURRENT_TIMESTAMP, save_seq = save_seq + 1 WHERE row_no = ?")) {
                    long[] next = new long[rows];
                    int n = 0;
                    int row = me;
                    while (System.nanoTime() < until) {
                        long v = Math.max(next[row], start[row]) + 1;
                        next[row] = v;
                        up.setLong(1, v);
                        up.setInt(2, row);
                        long t0 = System.nanoTime();
                        up.executeUpdate();
                        long dt = System.nanoTime() - t0;
                        if (n < lat.length) {
                            lat[n] = dt;
                        }
                        n++;
                        out.println("ACK " + row + " " + v);
                        row += threads;
                        if (row >= rows) {
                            row = me;
                        }
                    }
                    counts[me] = Math.min(n, lat.length);
                } catch (Exception e) {
                    e.printStackTrace();
                    System.exit(3);
                }
            }, "writer-" + t);
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int k = 0;
        long sum = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies.get(t), 0, all, k, counts[t]);
            k += counts[t];
        }
        for (long l : all) {
            sum += l;
        }
        Arrays.sort(all);
        out.println("STAT " + total + " " + sum + " " + pct(all, 50) + " " + pct(all, 95) + " " + pct(all, 99));
    }

    private static long pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length)
                - 1)] / 1000;
    }
}
