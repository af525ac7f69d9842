package org.mingze.base.time;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.base.ledger.LedgerYear;
import org.mingze.base.notify.NotificationService;
import org.mingze.base.notify.ReceivedNotice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decision 0017: an instant written through JPA and one written through plain JDBC are the same instant, compare
 * correctly in SQL and fall into the right year of the bureau, whatever zone the JVM and the database session run
 * in. The CI runs the suite with {@code -Duser.timezone=Asia/Shanghai}; each case here also sets the H2 session to
 * zones other than the JVM's, which is where a wall-clock convention goes wrong.
 */
@MingzeTest
class DbInstantsTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 2027-01-01 00:30 in Shanghai, still 2026 in UTC: a ledger year's boundary. */
    static final Instant NEW_YEAR_IN_SHANGHAI = Instant.parse("2026-12-31T16:30:00Z");
    static final List<String> SESSION_ZONES = List.of("Asia/Shanghai", "America/New_York", "UTC");

    @Autowired
    NotificationService notices;
    @Autowired
    JdbcTemplate jdbc;
    @PersistenceContext
    EntityManager em;

    @Test
    @Transactional
    void an_instant_written_through_jpa_and_one_written_through_jdbc_read_back_equal_and_compare_in_sql() {
        for (String zone : SESSION_ZONES) {
            inSessionZone(zone, () -> {
                String who = "tz-probe-" + System.nanoTime();
                long viaJpa = notices.post(who, "JPA", "", null);
                // what the database holds, not the entity the persistence context still has
                em.flush();
                em.clear();
                Instant jpa = only(notices.receivedForSystem(List.of(who), Instant.EPOCH, Instant.now().plusSeconds(60)))
                        .createdAt();
                // JPA wrote, JDBC reads: the same instant, and SQL compares it with a JDBC parameter
                assertThat(jdbc.query("SELECT created_at FROM base_notification WHERE id = ?",
                        (rs, i) -> DbInstants.get(rs, 1), viaJpa)).as(zone).containsExactly(jpa);
                assertThat(count("created_at = ?", viaJpa, jpa)).as(zone).isOne();
                assertThat(count("created_at < ?", viaJpa, jpa.plusMillis(1))).as(zone).isOne();
                assertThat(count("created_at > ?", viaJpa, jpa.minusMillis(1))).as(zone).isOne();
                assertThat(count("created_at > ?", viaJpa, jpa)).as(zone).isZero();

                // JDBC writes a second later: JPA reads the instant, and SQL orders the two writers' rows
                long viaJdbc = insert(who, jpa.plusSeconds(1));
                assertThat(notices.receivedForSystem(List.of(who), Instant.EPOCH, Instant.now().plusSeconds(60)))
                        .extracting(ReceivedNotice::id, ReceivedNotice::createdAt)
                        .as(zone).containsExactly(org.assertj.core.groups.Tuple.tuple(viaJpa, jpa),
                                org.assertj.core.groups.Tuple.tuple(viaJdbc, jpa.plusSeconds(1)));
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM base_notification a, base_notification b "
                        + "WHERE a.id = ? AND b.id = ? AND a.created_at < b.created_at "
                        + "AND DATEDIFF(MILLISECOND, a.created_at, b.created_at) = 1000", Long.class, viaJpa, viaJdbc))
                        .as(zone).isOne();
            });
        }
    }

    @Test
    @Transactional
    void a_row_written_through_jdbc_just_after_new_year_in_shanghai_is_in_the_new_years_ledger_through_jpa() {
        for (String zone : SESSION_ZONES) {
            inSessionZone(zone, () -> {
                String who = "tz-year-" + System.nanoTime();
                insert(who, NEW_YEAR_IN_SHANGHAI);
                LedgerYear y2026 = new LedgerYear(2026, SHANGHAI);
                LedgerYear y2027 = new LedgerYear(2027, SHANGHAI);
                assertThat(notices.receivedForSystem(List.of(who), y2026.from(), y2026.to())).as(zone).isEmpty();
                assertThat(only(notices.receivedForSystem(List.of(who), y2027.from(), y2027.to())).createdAt())
                        .as(zone).isEqualTo(NEW_YEAR_IN_SHANGHAI);
                // the same through JDBC parameters, and the day is the bureau's
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM base_notification WHERE recipient = ? "
                        + "AND created_at >= ? AND created_at < ?", Long.class, who, y2027.fromParam(), y2027.toParam()))
                        .as(zone).isOne();
                assertThat(jdbc.query("SELECT created_at FROM base_notification WHERE recipient = ?",
                        (rs, i) -> y2027.day(rs, "created_at"), who)).as(zone)
                        .containsExactly(java.time.LocalDate.of(2027, 1, 1));
            });
        }
    }

    @Test
    void every_column_that_holds_an_instant_stores_it_with_its_offset() {
        // a session's start is a local date and time in the bureau's zone, not an instant (decision 0017)
        assertThat(jdbc.queryForList("SELECT LOWER(TABLE_NAME || '.' || COLUMN_NAME) FROM INFORMATION_SCHEMA.COLUMNS "
                        + "WHERE TABLE_SCHEMA = 'PUBLIC' AND DATA_TYPE = 'TIMESTAMP' AND TABLE_NAME <> 'flyway_schema_history' "
                        + "ORDER BY 1", String.class))
                .containsExactly("schedule_session.starts_at");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC' "
                + "AND DATA_TYPE = 'TIMESTAMP WITH TIME ZONE'", Long.class)).isGreaterThanOrEqualTo(59);
    }

    @Test
    void the_upgrade_keeps_the_instants_of_rows_written_before_in_the_servers_zone() throws Exception {
        // a database as a server in Shanghai left it before V0015: JPA's and the JDBC stores' rows both held
        // Shanghai wall-clock times in TIMESTAMP columns
        String url = "jdbc:h2:mem:tz-upgrade-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1;TIME ZONE=Asia/Shanghai";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("0014").load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO base_audit_entry (id, occurred_at, actor, action, prev_hash, hash) "
                    + "VALUES (1, TIMESTAMP '2027-01-01 00:30:00', 'a', 'X', 'p', 'h')");
            s.execute("INSERT INTO base_notification (recipient, title, created_at) "
                    + "VALUES ('a', 't', TIMESTAMP '2027-01-01 00:30:00')");
            Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
            try (ResultSet rs = s.executeQuery("SELECT e.occurred_at, n.created_at FROM base_audit_entry e, base_notification n")) {
                assertThat(rs.next()).isTrue();
                assertThat(DbInstants.get(rs, 1)).isEqualTo(NEW_YEAR_IN_SHANGHAI);
                assertThat(DbInstants.get(rs, 2)).isEqualTo(NEW_YEAR_IN_SHANGHAI);
            }
            s.execute("SHUTDOWN");
        }
    }

    private long count(String condition, long id, Instant param) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM base_notification WHERE id = ? AND " + condition, Long.class,
                id, DbInstants.param(param));
    }

    private long insert(String recipient, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO base_notification (recipient, title, body, created_at) "
                    + "VALUES (?, 'JDBC', '', ?)", new String[]{"id"});
            ps.setString(1, recipient);
            ps.setObject(2, DbInstants.param(at));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    private static ReceivedNotice only(List<ReceivedNotice> list) {
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    /** Runs the body with the test transaction's H2 session in a zone, then puts the session back in the JVM's. */
    private void inSessionZone(String zone, Runnable body) {
        jdbc.execute("SET TIME ZONE '" + zone + "'");
        try {
            body.run();
        } finally {
            jdbc.execute("SET TIME ZONE LOCAL");
        }
    }
}
