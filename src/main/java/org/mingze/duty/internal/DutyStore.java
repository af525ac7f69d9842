package org.mingze.duty.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mingze.base.time.DbInstants;
import org.mingze.duty.Mark;
import org.mingze.duty.Rating;
import org.mingze.duty.Voting;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The duty-report tables through plain SQL, like the review's. No access checks here: the services check first.
 * The appraisal is two tables that never meet: {@code duty_voter} (who has rated a reporter) and
 * {@code duty_tally} (how many ratings of each kind a reporter has).
 */
@Repository
public class DutyStore {

    private final JdbcClient jdbc;

    public DutyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Session(long id, String name, int year, long unitId, LocalDate meetingDay, List<String> banks,
                          List<String> tags, int perReporter, BigDecimal points, int timerSeconds, Long examId,
                          Long currentReporterId, boolean qaFinished, Voting voting, String voteCode,
                          String createdBy, Instant createdAt) {
    }

    public record Reporter(long id, long sessionId, long memberId, int position, String post, Long attemptId,
                           BigDecimal testScore, BigDecimal testMax, LocalDate testOn) {
    }

    public record Draw(long id, long sessionId, long reporterId, int seq, String questionId, int version,
                       Instant drawnAt, Instant timerStartedAt, Mark mark, BigDecimal awarded, Instant markedAt,
                       Instant revealedAt) {
        /** Marked and revealed: the next question may be drawn. */
        public boolean done() {
            return mark != null && revealedAt != null;
        }
    }

    private static final String SESSION = "SELECT id, name, report_year, unit_id, meeting_day, banks, tags, "
            + "per_reporter, points, timer_seconds, exam_id, current_reporter_id, qa_finished, voting, vote_code, "
            + "created_by, created_at FROM duty_session ";
    private static final String REPORTER = "SELECT id, session_id, member_id, position, post, attempt_id, "
            + "test_score, test_max, test_on FROM duty_reporter ";
    private static final String DRAW = "SELECT id, session_id, reporter_id, seq, question_id, question_version, "
            + "drawn_at, timer_started_at, mark, awarded, marked_at, revealed_at FROM duty_draw ";

    // --- sessions ---------------------------------------------------------------------------------------------

    public long insertSession(String name, int year, long unitId, LocalDate day, List<String> banks,
                              List<String> tags, int perReporter, BigDecimal points, int timerSeconds, String actor,
                              Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO duty_session (name, report_year, unit_id, meeting_day, banks, tags, per_reporter, "
                        + "points, timer_seconds, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(name, year, unitId, Date.valueOf(day), String.join("\n", banks), String.join("\n", tags),
                        perReporter, points, timerSeconds, actor, DbInstants.param(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void setExam(long sessionId, long examId) {
        jdbc.sql("UPDATE duty_session SET exam_id = ? WHERE id = ?").params(examId, sessionId).update();
    }

    public Optional<Session> session(long id) {
        return jdbc.sql(SESSION + "WHERE id = ?").param(id).query(DutyStore::session).optional();
    }

    /** The session row locked for this transaction: live actions of one session happen one after another. */
    public Optional<Session> lock(long id) {
        return jdbc.sql(SESSION + "WHERE id = ? FOR UPDATE").param(id).query(DutyStore::session).optional();
    }

    public Optional<Session> sessionByExam(long examId) {
        return jdbc.sql(SESSION + "WHERE exam_id = ?").param(examId).query(DutyStore::session).optional();
    }

    public Optional<Session> openByCode(String code) {
        return jdbc.sql(SESSION + "WHERE vote_code = ? AND voting = 'OPEN'").param(code).query(DutyStore::session)
                .optional();
    }

    public List<Session> sessions() {
        return jdbc.sql(SESSION + "ORDER BY meeting_day DESC, id DESC").query(DutyStore::session).list();
    }

    public List<Session> openVoting() {
        return jdbc.sql(SESSION + "WHERE voting = 'OPEN' ORDER BY id").query(DutyStore::session).list();
    }

    public void setCurrent(long sessionId, Long reporterId, boolean finished) {
        jdbc.sql("UPDATE duty_session SET current_reporter_id = ?, qa_finished = ? WHERE id = ?")
                .params(reporterId, finished, sessionId).update();
    }

    public boolean codeInUse(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM duty_session WHERE vote_code = ?").param(code).query(Integer.class)
                .single() > 0;
    }

    public void setVoting(long sessionId, Voting voting, String code) {
        jdbc.sql("UPDATE duty_session SET voting = ?, vote_code = ? WHERE id = ?")
                .params(voting.name(), code, sessionId).update();
    }

    // --- reporters --------------------------------------------------------------------------------------------

    public long insertReporter(long sessionId, long memberId, int position, String post) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO duty_reporter (session_id, member_id, position, post) VALUES (?, ?, ?, ?)")
                .params(sessionId, memberId, position, post).update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<Reporter> reporters(long sessionId) {
        return jdbc.sql(REPORTER + "WHERE session_id = ? ORDER BY position").param(sessionId)
                .query(DutyStore::reporter).list();
    }

    public Optional<Reporter> reporter(long id) {
        return jdbc.sql(REPORTER + "WHERE id = ?").param(id).query(DutyStore::reporter).optional();
    }

    public List<Reporter> reportersOf(long memberId) {
        return jdbc.sql(REPORTER + "WHERE member_id = ? ORDER BY id").param(memberId).query(DutyStore::reporter)
                .list();
    }

    public void testResult(long reporterId, long attemptId, BigDecimal score, BigDecimal max, LocalDate on) {
        jdbc.sql("UPDATE duty_reporter SET attempt_id = ?, test_score = ?, test_max = ?, test_on = ? "
                + "WHERE id = ? AND attempt_id IS NULL").params(attemptId, score, max, Date.valueOf(on), reporterId)
                .update();
    }

    // --- draws ------------------------------------------------------------------------------------------------

    public void insertDraw(long sessionId, long reporterId, int seq, String questionId, int version, Instant now) {
        jdbc.sql("INSERT INTO duty_draw (session_id, reporter_id, seq, question_id, question_version, drawn_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(sessionId, reporterId, seq, questionId, version, DbInstants.param(now)).update();
    }

    public List<Draw> draws(long reporterId) {
        return jdbc.sql(DRAW + "WHERE reporter_id = ? ORDER BY seq").param(reporterId).query(DutyStore::draw).list();
    }

    public List<Draw> sessionDraws(long sessionId) {
        return jdbc.sql(DRAW + "WHERE session_id = ? ORDER BY id").param(sessionId).query(DutyStore::draw).list();
    }

    public Optional<Draw> draw(long id) {
        return jdbc.sql(DRAW + "WHERE id = ?").param(id).query(DutyStore::draw).optional();
    }

    public void startTimer(long drawId, Instant now) {
        jdbc.sql("UPDATE duty_draw SET timer_started_at = ? WHERE id = ?").params(DbInstants.param(now), drawId)
                .update();
    }

    public void mark(long drawId, Mark mark, BigDecimal awarded, Instant now) {
        jdbc.sql("UPDATE duty_draw SET mark = ?, awarded = ?, marked_at = ? WHERE id = ?")
                .params(mark.name(), awarded, DbInstants.param(now), drawId).update();
    }

    public void reveal(long drawId, Instant now) {
        jdbc.sql("UPDATE duty_draw SET revealed_at = ? WHERE id = ? AND revealed_at IS NULL")
                .params(DbInstants.param(now), drawId).update();
    }

    // --- appraisal --------------------------------------------------------------------------------------------

    /** Records that the member rated the reporter; false when they already had (nothing changes then). */
    public boolean addVoter(long reporterId, long memberId) {
        return jdbc.sql("MERGE INTO duty_voter t USING (VALUES (CAST(? AS BIGINT), CAST(? AS BIGINT))) s (r, m) "
                        + "ON t.reporter_id = s.r AND t.member_id = s.m "
                        + "WHEN NOT MATCHED THEN INSERT (reporter_id, member_id) VALUES (s.r, s.m)")
                .params(reporterId, memberId).update() == 1;
    }

    public boolean hasVoted(long reporterId, long memberId) {
        return jdbc.sql("SELECT COUNT(*) FROM duty_voter WHERE reporter_id = ? AND member_id = ?")
                .params(reporterId, memberId).query(Integer.class).single() > 0;
    }

    public int voters(long reporterId) {
        return jdbc.sql("SELECT COUNT(*) FROM duty_voter WHERE reporter_id = ?").param(reporterId)
                .query(Integer.class).single();
    }

    /** Adds one to the count of this rating (no voter, no time). */
    public void count(long reporterId, Rating rating) {
        int n = jdbc.sql("UPDATE duty_tally SET votes = votes + 1 WHERE reporter_id = ? AND rating = ?")
                .params(reporterId, rating.name()).update();
        if (n == 0) {
            jdbc.sql("INSERT INTO duty_tally (reporter_id, rating, votes) VALUES (?, ?, 1)")
                    .params(reporterId, rating.name()).update();
        }
    }

    public Map<Rating, Integer> tally(long reporterId) {
        Map<Rating, Integer> out = new EnumMap<>(Rating.class);
        for (Rating r : Rating.values()) {
            out.put(r, 0);
        }
        jdbc.sql("SELECT rating, votes FROM duty_tally WHERE reporter_id = ?").param(reporterId)
                .query((rs, n) -> out.put(Rating.valueOf(rs.getString(1)), rs.getInt(2))).list();
        return out;
    }

    // --- mapping ----------------------------------------------------------------------------------------------

    private static List<String> lines(String s) {
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split("\n"));
    }


    private static Long longOrNull(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }

    private static Session session(ResultSet rs, int n) throws SQLException {
        return new Session(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getDate(5).toLocalDate(),
                lines(rs.getString(6)), lines(rs.getString(7)), rs.getInt(8), rs.getBigDecimal(9), rs.getInt(10),
                longOrNull(rs, 11), longOrNull(rs, 12), rs.getBoolean(13), Voting.valueOf(rs.getString(14)),
                rs.getString(15), rs.getString(16), DbInstants.get(rs, 17));
    }

    private static Reporter reporter(ResultSet rs, int n) throws SQLException {
        Date on = rs.getDate(9);
        return new Reporter(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getString(5),
                longOrNull(rs, 6), rs.getBigDecimal(7), rs.getBigDecimal(8), on == null ? null : on.toLocalDate());
    }

    private static Draw draw(ResultSet rs, int n) throws SQLException {
        String mark = rs.getString(9);
        return new Draw(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getString(5), rs.getInt(6),
                DbInstants.get(rs, 7), DbInstants.get(rs, 8), mark == null ? null : Mark.valueOf(mark),
                rs.getBigDecimal(10), DbInstants.get(rs, 11), DbInstants.get(rs, 12));
    }
}
