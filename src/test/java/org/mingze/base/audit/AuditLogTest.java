package org.mingze.base.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mingze.MingzeTest;
import org.mingze.base.time.BureauZone;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log against the real database. Tests that tamper with rows put them back in a finally block: the
 * application context, and with it the in-memory database, is shared with every other {@code @MingzeTest}.
 */
@MingzeTest
@WithMockUser(username = "guolx", roles = "AUDITOR")
class AuditLogTest {

    private static final String COLUMNS =
            "id, occurred_at, actor, action, object_type, object_id, source_addr, detail, prev_hash, hash";

    @Autowired
    AuditLog audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    AuditEntryRepository entries;

    @Test
    void a_fresh_chain_verifies_intact_and_counts_every_entry() {
        long entries = rows();
        ChainReport report = audit.verifyChain();
        assertThat(report).isEqualTo(new ChainReport(true, entries, null, null));
        assertThat(jdbc.queryForMap("select actor, action, detail from base_audit_entry where id = ?", lastId()))
                .containsEntry("ACTOR", "guolx").containsEntry("ACTION", "AUDIT_VERIFY")
                .containsEntry("DETAIL", "intact, " + entries + " entries");
    }

    @ParameterizedTest(name = "{0} changed to {1}")
    @CsvSource({
            "detail, 'forged detail', audit.chain.altered",
            "actor, 'somebody else', audit.chain.altered",
            "action, LOGIN_SUCCESS, audit.chain.altered",
            "source_addr, 10.9.9.9, audit.chain.altered",
            "hash, 0000000000000000000000000000000000000000000000000000000000000001, audit.chain.altered",
            "prev_hash, 0000000000000000000000000000000000000000000000000000000000000001, audit.chain.link"})
    void a_row_changed_behind_the_application_is_found_at_exactly_that_entry(String column, String value,
                                                                           String problem) {
        long id = probe("original detail");
        probe("a later entry");
        Map<String, Object> row = row(id);
        jdbc.update("update base_audit_entry set " + column + " = ? where id = ?", value, id);
        try {
            ChainReport report = audit.verifyChain();
            assertThat(report.intact()).isFalse();
            assertThat(report.firstBrokenId()).isEqualTo(id);
            assertThat(report.problem()).isEqualTo(problem);
        } finally {
            restore(row);
        }
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    @Test
    void a_changed_time_is_found_at_exactly_that_entry() {
        long id = probe("original time");
        Map<String, Object> row = row(id);
        jdbc.update("update base_audit_entry set occurred_at = dateadd(second, -1, occurred_at) where id = ?", id);
        try {
            assertThat(audit.verifyChain()).isEqualTo(new ChainReport(false, id, id, "audit.chain.altered"));
        } finally {
            restore(row);
        }
    }

    @Test
    void a_deleted_middle_entry_is_reported_as_missing() {
        probe("before");
        long middle = probe("the middle one");
        probe("after");
        Map<String, Object> row = row(middle);
        jdbc.update("delete from base_audit_entry where id = ?", middle);
        try {
            ChainReport report = audit.verifyChain();
            assertThat(report.intact()).isFalse();
            assertThat(report.firstBrokenId()).isEqualTo(middle);
            assertThat(report.problem()).isEqualTo("audit.chain.missing");
        } finally {
            restore(row);
        }
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    @Test
    void a_deleted_newest_entry_is_found_because_the_head_still_remembers_it() {
        long newest = probe("the newest one");
        Map<String, Object> row = row(newest);
        jdbc.update("delete from base_audit_entry where id = ?", newest);
        try {
            ChainReport report = audit.verifyChain();
            assertThat(report.intact()).isFalse();
            assertThat(report.firstBrokenId()).isEqualTo(newest);
            assertThat(report.problem()).isEqualTo("audit.chain.truncated");
        } finally {
            restore(row);
        }
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    @Test
    void a_replaced_newest_entry_is_found_even_when_it_links_and_hashes_correctly() {
        long newest = probe("the real newest one");
        Map<String, Object> row = row(newest);
        AuditEntry fake = forge(newest, (String) row.get("PREV_HASH"), "LOGIN_SUCCESS", "nothing happened");
        jdbc.update("delete from base_audit_entry where id = ?", newest);
        insert(fake);
        try {
            AuditEntry stored = entries.findById(newest).orElseThrow();
            assertThat(AuditHashing.hash(stored)).as("the forgery is self-consistent").isEqualTo(stored.getHash());
            assertThat(audit.verifyChain()).isEqualTo(new ChainReport(false, newest, newest, "audit.chain.altered"));
        } finally {
            jdbc.update("delete from base_audit_entry where id = ?", newest);
            restore(row);
        }
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    @Test
    void a_forged_row_appended_after_the_head_is_found_even_with_a_correct_link_and_hash() {
        long head = probe("the last real entry");
        AuditEntry forged = forge(head + 1, headHash(), "ACCOUNT_ROLES", "guolx roles [ADMIN]");
        insert(forged);
        try {
            ChainReport report = audit.verifyChain();
            assertThat(report.intact()).isFalse();
            assertThat(report.firstBrokenId()).isEqualTo(head + 1);
            assertThat(report.problem()).isEqualTo("audit.chain.extra");
        } finally {
            jdbc.update("delete from base_audit_entry where id = ?", head + 1);
        }
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    @Test
    void a_forged_row_with_an_id_below_the_first_is_found() {
        insert(forge(0, AuditLog.GENESIS, "LOGIN_SUCCESS", "before time began"));
        try {
            ChainReport report = audit.verifyChain();
            assertThat(report.intact()).isFalse();
            assertThat(report.firstBrokenId()).isZero();
            assertThat(report.problem()).isEqualTo("audit.chain.extra");
        } finally {
            jdbc.update("delete from base_audit_entry where id = 0");
        }
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    @Test
    void an_entry_beyond_the_first_page_of_a_thousand_is_checked_too() {
        long first = lastId() + 1;
        TransactionTemplate tx = new TransactionTemplate(transactions);
        for (int batch = 0; batch < (AuditLog.PAGE + 100) / 100; batch++) {
            tx.executeWithoutResult(s -> {
                for (int i = 0; i < 100; i++) {
                    audit.recordAs("bulk", "TEST_BULK", "test", i, "bulk " + i, null);
                }
            });
        }
        long target = first + AuditLog.PAGE + 50; // at least the second page, whatever came before
        Map<String, Object> row = row(target);
        jdbc.update("update base_audit_entry set detail = 'bulk x' where id = ?", target);
        try {
            ChainReport report = audit.verifyChain();
            assertThat(report).isEqualTo(new ChainReport(false, target, target, "audit.chain.altered"));
        } finally {
            restore(row);
        }
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    @Test
    void an_entry_is_rolled_back_together_with_the_transaction_that_recorded_it() {
        long before = lastId();
        String marker = "rolled back " + UUID.randomUUID();
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
            audit.recordAs("tester", "MEMBER_UPDATE", "member", 1, marker, null);
            throw new IllegalStateException("the change failed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the change failed");
        assertThat(lastId()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from base_audit_entry where detail = ?", Long.class, marker))
                .isZero();
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    @Test
    void an_entry_inside_a_read_only_transaction_is_refused_instead_of_silently_lost() {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        long before = lastId();
        assertThatThrownBy(() -> readOnly.executeWithoutResult(
                s -> audit.recordAs("tester", "MEMBER_UPDATE", "member", 1, "read only", null)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(lastId()).isEqualTo(before);
    }

    @Test
    void eight_threads_recording_fifty_entries_each_give_a_gapless_intact_chain() throws Exception {
        long before = lastId();
        String marker = "concurrent " + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                String who = "thread-" + t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 50; i++) {
                        audit.recordAs(who, "TEST_CONCURRENT", "test", i, marker, null);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(lastId()).isEqualTo(before + 400);
        List<Long> ids = jdbc.queryForList("select id from base_audit_entry where detail = ? order by id", Long.class,
                marker);
        assertThat(ids).hasSize(400).first().isEqualTo(before + 1);
        assertThat(ids.get(399)).isEqualTo(before + 400);
        for (int t = 0; t < 8; t++) {
            assertThat(jdbc.queryForObject("select count(*) from base_audit_entry where detail = ? and actor = ?",
                    Long.class, marker, "thread-" + t)).isEqualTo(50);
        }
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    @Test
    void search_filters_by_person_action_object_and_date_newest_first() {
        String who = "probe" + UUID.randomUUID().toString().substring(0, 8);
        audit.recordAs(who, "MEMBER_CREATE", "member", 41, "created", "10.0.0.1");
        audit.recordAs(who, "MEMBER_UPDATE", "member", 41, "edited", "10.0.0.1");
        audit.recordAs(who, "UNIT_UPDATE", "unit", 3, "renamed", "10.0.0.1");
        audit.recordAs("someone-else", "MEMBER_CREATE", "member", 41, "created", "10.0.0.2");
        LocalDate today = LocalDate.now(BureauZone.get());

        assertThat(actions(new AuditQuery(who, null, null, null, null, null)))
                .containsExactly("UNIT_UPDATE", "MEMBER_UPDATE", "MEMBER_CREATE");
        assertThat(actions(new AuditQuery(who.toUpperCase().substring(1), null, null, null, null, null)))
                .as("part of the name, any case").hasSize(3);
        assertThat(actions(new AuditQuery(who, "MEMBER_CREATE", null, null, null, null)))
                .containsExactly("MEMBER_CREATE");
        assertThat(actions(new AuditQuery(who, null, "member", "41", null, null)))
                .containsExactly("MEMBER_UPDATE", "MEMBER_CREATE");
        assertThat(actions(new AuditQuery(who, null, null, null, today, today))).hasSize(3);
        assertThat(actions(new AuditQuery(who, null, null, null, today.plusDays(1), null))).isEmpty();
        assertThat(actions(new AuditQuery(who, null, null, null, null, today.minusDays(1)))).isEmpty();
        assertThat(audit.count(new AuditQuery(who, null, "member", null, today, today))).isEqualTo(2);
        assertThat(audit.search(new AuditQuery(who, null, null, null, null, null), 0, 2).getContent())
                .extracting(AuditRecord::action).containsExactly("UNIT_UPDATE", "MEMBER_UPDATE");
    }

    @Test
    void wildcards_typed_into_the_person_filter_are_taken_literally() {
        String who = "under_score" + UUID.randomUUID().toString().substring(0, 8);
        audit.recordAs(who, "LOGIN_SUCCESS", "account", who, null, null);
        assertThat(audit.count(new AuditQuery("%", null, null, null, null, null))).isZero();
        assertThat(audit.count(new AuditQuery("under_score", null, null, null, null, null))).isPositive();
        assertThat(audit.count(new AuditQuery("underXscore", null, null, null, null, null))).isZero();
    }

    @Test
    void the_export_holds_the_filtered_entries_newest_first_and_is_itself_recorded() throws IOException {
        String who = "exporter" + UUID.randomUUID().toString().substring(0, 8);
        audit.recordAs(who, "UNIT_CREATE", "unit", 5, "第一党支部 (BRANCH)", "10.0.0.7");
        audit.recordAs(who, "UNIT_UPDATE", "unit", 5, "第一党支部 -> 第二党支部", "10.0.0.7");
        List<String> headers = List.of("编号", "时间", "人员", "操作", "操作代码", "对象类型", "对象编号", "来源地址", "详情",
                "哈希值");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        audit.exportXlsx(new AuditQuery(who, null, null, null, null, null), headers, ZoneId.of("Asia/Shanghai"),
                code -> code.equals("UNIT_UPDATE") ? "修改单位" : code, out);

        try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("编号");
            assertThat(sheet.getRow(0).getCell(9).getStringCellValue()).isEqualTo("哈希值");
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("修改单位");
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("UNIT_UPDATE");
            assertThat(sheet.getRow(1).getCell(8).getStringCellValue()).isEqualTo("第一党支部 -> 第二党支部");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
            assertThat(sheet.getRow(2).getCell(4).getStringCellValue()).isEqualTo("UNIT_CREATE");
            assertThat((long) sheet.getRow(2).getCell(0).getNumericCellValue())
                    .isLessThan((long) sheet.getRow(1).getCell(0).getNumericCellValue());
        }
        assertThat(jdbc.queryForMap("select actor, action, detail from base_audit_entry where id = ?", lastId()))
                .containsEntry("ACTOR", "guolx").containsEntry("ACTION", "AUDIT_EXPORT")
                .containsEntry("DETAIL", "2 entries, actor ~ " + who);
    }

    @Test
    @WithMockUser(username = "wangzh", roles = "LEARNER")
    void a_learner_may_neither_search_nor_verify_nor_export() {
        assertThatThrownBy(() -> audit.search(AuditQuery.all(), 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> audit.count(AuditQuery.all())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> audit.verifyChain()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> audit.exportXlsx(AuditQuery.all(), List.of(), BureauZone.get()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithMockUser(username = "zhouxy", roles = {"ORGANIZER", "LEARNER"})
    void an_organiser_may_not_read_the_log_either() {
        assertThatThrownBy(() -> audit.search(AuditQuery.all(), 0, 10)).isInstanceOf(AccessDeniedException.class);
    }

    // --- helpers ---

    private List<String> actions(AuditQuery q) {
        return audit.search(q, 0, 50).getContent().stream().map(AuditRecord::action).toList();
    }

    /** Records an entry as a test would and returns its id. */
    private long probe(String detail) {
        audit.recordAs("tester", "TEST_PROBE", "test", null, detail, "127.0.0.1");
        return lastId();
    }

    private long lastId() {
        return jdbc.queryForObject("select last_id from base_audit_head where id = 1", Long.class);
    }

    private String headHash() {
        return jdbc.queryForObject("select last_hash from base_audit_head where id = 1", String.class);
    }

    private long rows() {
        return jdbc.queryForObject("select count(*) from base_audit_entry", Long.class);
    }

    private Map<String, Object> row(long id) {
        return jdbc.queryForMap("select " + COLUMNS + " from base_audit_entry where id = ?", id);
    }

    /** Puts a saved row back exactly as it was. */
    private void restore(Map<String, Object> row) {
        jdbc.update("delete from base_audit_entry where id = ?", row.get("ID"));
        jdbc.update("insert into base_audit_entry (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row.get("ID"), row.get("OCCURRED_AT"), row.get("ACTOR"), row.get("ACTION"), row.get("OBJECT_TYPE"),
                row.get("OBJECT_ID"), row.get("SOURCE_ADDR"), row.get("DETAIL"), row.get("PREV_HASH"),
                row.get("HASH"));
    }

    /** A row as a forger who knows the algorithm would write it: linked and hashed correctly. */
    private static AuditEntry forge(long id, String prevHash, String action, String detail) {
        return new AuditEntry(id, Instant.now().truncatedTo(ChronoUnit.MILLIS), "intruder", action, "account",
                "guolx", "10.6.6.6", detail, prevHash);
    }

    private void insert(AuditEntry e) {
        // written as every store writes an instant (decision 0017)
        jdbc.update("insert into base_audit_entry (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.getId(), org.mingze.base.time.DbInstants.param(e.getOccurredAt()),
                e.getActor(), e.getAction(), e.getObjectType(), e.getObjectId(), e.getSourceAddr(), e.getDetail(),
                e.getPrevHash(), e.getHash());
    }
}
