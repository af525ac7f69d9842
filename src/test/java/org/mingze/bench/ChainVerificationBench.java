package org.mingze.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.audit.ChainReport;
import org.mingze.base.time.DbInstants;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

/**
 * Verifies a chain of one million entries and reports time and the peak heap growth while it runs. Not part of
 * the build (surefire skips bench/); run with {@code ./mvnw test -Dtest=ChainVerificationBench}. The database is a
 * file under target/, so that the rows themselves do not sit in the heap being measured. Results:
 * docs/benchmarks.md.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:file:./target/bench/audit-${random.uuid};DB_CLOSE_ON_EXIT=FALSE",
        "mingze.demo.enabled=false"})
@ActiveProfiles("test")
@WithMockUser(username = "bench", roles = "AUDITOR")
class ChainVerificationBench {

    private static final int ENTRIES = Integer.getInteger("bench.entries", 1_000_000);

    @Autowired
    AuditLog audit;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_million_entries_verify_with_flat_memory() throws Exception {
        long start = jdbc.queryForObject("select last_id from base_audit_head", Long.class);
        String prev = jdbc.queryForObject("select last_hash from base_audit_head", String.class);
        // entries are built by the real class (package-private), so that their hashes are the real ones
        Class<?> type = Class.forName("org.mingze.base.audit.AuditEntry");
        Constructor<?> make = type.getDeclaredConstructor(long.class, Instant.class, String.class, String.class,
                String.class, String.class, String.class, String.class, String.class);
        make.setAccessible(true);
        Method hash = type.getDeclaredMethod("getHash");
        hash.setAccessible(true);
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        long fill = System.nanoTime();
        List<Object[]> batch = new ArrayList<>();
        for (long id = start + 1; id <= start + ENTRIES; id++) {
            Instant at = t0.plusMillis(id * 1000);
            String actor = "user" + (id % 500);
            String detail = "测试人员" + id + " -> 测试人员" + id + "（副所长）";
            String objectId = String.valueOf(id % 9000);
            String address = "10.0.0." + (id % 250);
            String before = prev;
            prev = (String) hash.invoke(make.newInstance(id, at, actor, "MEMBER_UPDATE", "member", objectId, address,
                    detail, before));
            // stored as every store writes an instant (decision 0017)
            batch.add(new Object[]{id, DbInstants.param(at), actor,
                    "MEMBER_UPDATE", "member", objectId, address, detail, before, prev});
            if (batch.size() == 5000) {
                flush(batch);
            }
        }
        flush(batch);
        jdbc.update("update base_audit_head set last_id = ?, last_hash = ?", start + ENTRIES, prev);
        System.out.printf("bench: wrote %,d entries in %.1f s%n", ENTRIES, (System.nanoTime() - fill) / 1e9);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ex) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long t = System.nanoTime();
        ChainReport report = audit.verifyChain();
        double seconds = (System.nanoTime() - t) / 1e9;
        sampler.interrupt();
        System.out.printf("bench: verified %,d entries in %.1f s (%,.0f entries/s); heap %d MB before, peak %d MB "
                        + "(+%d MB), max heap %d MB%n", report.checked(), seconds, report.checked() / seconds,
                baseline >> 20, peak.get() >> 20, (peak.get() - baseline) >> 20, Runtime.getRuntime().maxMemory() >> 20);
        assertThat(report.intact()).isTrue();
        assertThat(report.checked()).isEqualTo(start + ENTRIES);
    }

    private void flush(List<Object[]> batch) {
        jdbc.batchUpdate("insert into base_audit_entry (id, occurred_at, actor, action, object_type, object_id, "
                + "source_addr, detail, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch);
        batch.clear();
    }
}
