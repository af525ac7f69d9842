package org.mingze.schedule.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mingze.base.time.DbInstants;
import org.mingze.schedule.AttendanceStatus;
import org.mingze.schedule.LeaveDecision;
import org.mingze.schedule.SessionDraft;
import org.mingze.schedule.SessionStatus;
import org.mingze.schedule.SessionType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The schedule's tables, through plain SQL (decision 0011), in statements that run on H2 and PostgreSQL alike: sessions, their materials, attendees, leave requests and
 * make-ups. No access checks here: the services check before they call.
 */
@Repository
public class SessionStore {

    /** The longest a session may last (a day); overlap queries look back this far. */
    public static final int MAX_MINUTES = 24 * 60;

    private final JdbcClient jdbc;

    SessionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A session row. */
    public record Session(long id, long unitId, SessionType type, String topic, LocalDateTime startsAt,
                          int durationMinutes, String place, String onlineLink, String host, Long hostMemberId,
                          String agenda, Long examId, SessionStatus status, String cancelReason, String minutes,
                          byte[] checkinSecret, int checkinMarginMinutes, int makeupDays, String seriesId,
                          long version, String examTitle) {
        public LocalDateTime endsAt() {
            return startsAt.plusMinutes(durationMinutes);
        }
    }

    public record Attendee(long sessionId, long memberId, AttendanceStatus status, String how, String markedBy,
                           Instant markedAt, int failedCodes) {
    }

    public record Leave(long id, long sessionId, long memberId, String reason, Instant requestedAt,
                        LeaveDecision decision, String decidedBy, Instant decidedAt, String comment) {
    }

    public record Makeup(long id, long sessionId, long memberId, String cause, Instant createdAt, LocalDate dueOn,
                         Instant doneAt, int escalation, Instant lastNudgedAt) {
    }

    private static final String SESSION_COLUMNS = "id, unit_id, session_type, topic, starts_at, duration_minutes, "
            + "place, online_link, host, host_member_id, agenda, exam_id, status, cancel_reason, minutes, "
            + "checkin_secret, checkin_margin_min, makeup_days, series_id, version, exam_title";

    public long insert(SessionDraft d, byte[] secret, String seriesId, String actor, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO schedule_session (unit_id, session_type, topic, starts_at, duration_minutes, place, "
                        + "online_link, host, host_member_id, agenda, exam_id, status, checkin_secret, "
                        + "checkin_margin_min, makeup_days, series_id, created_by, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PLANNED', ?, ?, ?, ?, ?, ?, ?)")
                .params(d.unitId(), d.type().name(), d.topic(), d.startsAt(), d.durationMinutes(),
                        d.place(), d.onlineLink(), d.host(), d.hostMemberId(), d.agenda(), d.examId(), secret,
                        d.checkInMarginMinutes(), d.makeupDays(), seriesId, actor, DbInstants.param(now),
                        DbInstants.param(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        replaceMaterials(id, d.materialIds());
        return id;
    }

    /** Updates the fields of a draft; false when the row was changed by someone else meanwhile. */
    public boolean update(SessionDraft d, long expectedVersion, Instant now) {
        int n = jdbc.sql("UPDATE schedule_session SET session_type = ?, topic = ?, starts_at = ?, "
                        + "duration_minutes = ?, place = ?, online_link = ?, host = ?, host_member_id = ?, agenda = ?, "
                        + "exam_id = ?, checkin_margin_min = ?, makeup_days = ?, updated_at = ?, version = version + 1 "
                        + "WHERE id = ? AND version = ?")
                .params(d.type().name(), d.topic(), d.startsAt(), d.durationMinutes(), d.place(),
                        d.onlineLink(), d.host(), d.hostMemberId(), d.agenda(), d.examId(), d.checkInMarginMinutes(),
                        d.makeupDays(), DbInstants.param(now), d.id(), expectedVersion)
                .update();
        if (n == 1) {
            replaceMaterials(d.id(), d.materialIds());
        }
        return n == 1;
    }

    public void setStatus(long id, SessionStatus status, String cancelReason, Instant now) {
        jdbc.sql("UPDATE schedule_session SET status = ?, cancel_reason = ?, updated_at = ?, version = version + 1 "
                        + "WHERE id = ?")
                .params(status.name(), cancelReason, DbInstants.param(now), id).update();
    }

    public void setMinutes(long id, String minutes, Instant now) {
        jdbc.sql("UPDATE schedule_session SET minutes = ?, updated_at = ?, version = version + 1 WHERE id = ?")
                .params(minutes, DbInstants.param(now), id).update();
    }

    private void replaceMaterials(long sessionId, List<String> materialIds) {
        jdbc.sql("DELETE FROM schedule_session_material WHERE session_id = ?").param(sessionId).update();
        for (int i = 0; i < materialIds.size(); i++) {
            jdbc.sql("INSERT INTO schedule_session_material (session_id, position, material_id) VALUES (?, ?, ?)")
                    .params(sessionId, i, materialIds.get(i)).update();
        }
    }

    public Optional<Session> session(long id) {
        return jdbc.sql("SELECT " + SESSION_COLUMNS + " FROM schedule_session WHERE id = ?").param(id)
                .query(SessionStore::session).optional();
    }

    /** Locks the session row until the transaction ends (attendance and closing go one at a time). */
    public Optional<Session> sessionForUpdate(long id) {
        return jdbc.sql("SELECT " + SESSION_COLUMNS + " FROM schedule_session WHERE id = ? FOR UPDATE").param(id)
                .query(SessionStore::session).optional();
    }

    /** Sessions of these units that overlap [from, to), by start. */
    public List<Session> sessions(Collection<Long> unitIds, LocalDateTime from, LocalDateTime to) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + SESSION_COLUMNS + " FROM schedule_session WHERE unit_id IN (:units) "
                        + "AND starts_at < :to AND starts_at > :earliest ORDER BY starts_at, id")
                .param("units", unitIds).param("earliest", from.minusMinutes(MAX_MINUTES))
                .param("to", to)
                .query(SessionStore::session).stream().filter(s -> s.endsAt().isAfter(from)).toList();
    }

    /** Planned or held sessions, of any unit, that a member hosts and that overlap [from, to). */
    public List<Session> hostedBy(long memberId, LocalDateTime from, LocalDateTime to) {
        return jdbc.sql("SELECT " + SESSION_COLUMNS + " FROM schedule_session WHERE host_member_id = :m "
                        + "AND status <> 'CANCELLED' AND starts_at < :to AND starts_at > :earliest ORDER BY starts_at")
                .param("m", memberId).param("earliest", from.minusMinutes(MAX_MINUTES))
                .param("to", to)
                .query(SessionStore::session).stream().filter(s -> s.endsAt().isAfter(from)).toList();
    }

    /** The sessions a member is expected at, between two times, by start. */
    public List<Session> sessionsOf(long memberId, LocalDateTime from, LocalDateTime to) {
        return jdbc.sql("SELECT " + prefixed("s") + " FROM schedule_session s JOIN schedule_attendee a "
                        + "ON a.session_id = s.id WHERE a.member_id = :m AND s.starts_at >= :from "
                        + "AND s.starts_at < :to ORDER BY s.starts_at")
                .param("m", memberId).param("from", from).param("to", to)
                .query(SessionStore::session).list();
    }

    private static String prefixed(String alias) {
        return alias + "." + SESSION_COLUMNS.replace(", ", ", " + alias + ".");
    }

    public List<String> materials(long sessionId) {
        return jdbc.sql("SELECT material_id FROM schedule_session_material WHERE session_id = ? ORDER BY position")
                .param(sessionId).query(String.class).list();
    }

    public static String newSeriesId() {
        return UUID.randomUUID().toString();
    }

    // attendees

    public void addAttendees(long sessionId, Collection<Long> memberIds) {
        for (long m : memberIds) {
            jdbc.sql("INSERT INTO schedule_attendee (session_id, member_id, status) SELECT ?, ?, 'EXPECTED' "
                            + "FROM (VALUES (0)) t WHERE NOT EXISTS (SELECT 1 FROM schedule_attendee "
                            + "WHERE session_id = ? AND member_id = ?)")
                    .params(sessionId, m, sessionId, m).update();
        }
    }

    public void removeAttendees(long sessionId, Collection<Long> memberIds) {
        for (long m : memberIds) {
            jdbc.sql("DELETE FROM schedule_attendee WHERE session_id = ? AND member_id = ?").params(sessionId, m)
                    .update();
        }
    }

    public List<Attendee> attendees(long sessionId) {
        return jdbc.sql("SELECT session_id, member_id, status, how, marked_by, marked_at, failed_codes "
                        + "FROM schedule_attendee WHERE session_id = ? ORDER BY member_id")
                .param(sessionId).query(SessionStore::attendee).list();
    }

    public Optional<Attendee> attendee(long sessionId, long memberId) {
        return jdbc.sql("SELECT session_id, member_id, status, how, marked_by, marked_at, failed_codes "
                        + "FROM schedule_attendee WHERE session_id = ? AND member_id = ?")
                .params(sessionId, memberId).query(SessionStore::attendee).optional();
    }

    public void mark(long sessionId, long memberId, AttendanceStatus status, String how, String by, Instant at) {
        jdbc.sql("UPDATE schedule_attendee SET status = ?, how = ?, marked_by = ?, marked_at = ? "
                        + "WHERE session_id = ? AND member_id = ?")
                .params(status.name(), how, by, at == null ? null : DbInstants.param(at), sessionId, memberId).update();
    }

    public int countFailedCode(long sessionId, long memberId) {
        jdbc.sql("UPDATE schedule_attendee SET failed_codes = failed_codes + 1 WHERE session_id = ? AND member_id = ?")
                .params(sessionId, memberId).update();
        return attendee(sessionId, memberId).map(Attendee::failedCodes).orElse(0);
    }

    /** Expected and attended counts per session. */
    public record Counts(int expected, int attended) {
    }

    public Counts counts(long sessionId) {
        return jdbc.sql("SELECT COUNT(*), COALESCE(SUM(CASE WHEN status IN ('PRESENT','LATE') THEN 1 ELSE 0 END), 0) "
                        + "FROM schedule_attendee WHERE session_id = ?")
                .param(sessionId).query((rs, n) -> new Counts(rs.getInt(1), rs.getInt(2))).single();
    }

    // leave

    public long insertLeave(long sessionId, long memberId, String reason, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO schedule_leave (session_id, member_id, reason, requested_at, decision) "
                        + "VALUES (?, ?, ?, ?, 'PENDING')")
                .params(sessionId, memberId, reason, DbInstants.param(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public void decideLeave(long id, LeaveDecision decision, String by, String comment, Instant now) {
        jdbc.sql("UPDATE schedule_leave SET decision = ?, decided_by = ?, decided_at = ?, comment = ? WHERE id = ?")
                .params(decision.name(), by, DbInstants.param(now), comment, id).update();
    }

    public Optional<Leave> leave(long id) {
        return jdbc.sql("SELECT * FROM schedule_leave WHERE id = ?").param(id).query(SessionStore::leave).optional();
    }

    public Optional<Leave> leaveOf(long sessionId, long memberId) {
        return jdbc.sql("SELECT * FROM schedule_leave WHERE session_id = ? AND member_id = ?")
                .params(sessionId, memberId).query(SessionStore::leave).optional();
    }

    public List<Leave> leaves(long sessionId) {
        return jdbc.sql("SELECT * FROM schedule_leave WHERE session_id = ? ORDER BY requested_at").param(sessionId)
                .query(SessionStore::leave).list();
    }

    // make-ups

    /** Creates the make-up unless the person already has one for the session; true when new. */
    public boolean insertMakeup(long sessionId, long memberId, String cause, LocalDate dueOn, Instant now) {
        return jdbc.sql("INSERT INTO schedule_makeup (session_id, member_id, cause, created_at, due_on) "
                        + "SELECT ?, ?, ?, ?, ? FROM (VALUES (0)) t WHERE NOT EXISTS (SELECT 1 FROM schedule_makeup "
                        + "WHERE session_id = ? AND member_id = ?)")
                .params(sessionId, memberId, cause, DbInstants.param(now), dueOn, sessionId, memberId).update() == 1;
    }

    public List<Makeup> makeupsOf(long memberId) {
        return jdbc.sql("SELECT * FROM schedule_makeup WHERE member_id = ? ORDER BY due_on, id").param(memberId)
                .query(SessionStore::makeup).list();
    }

    public List<Makeup> makeupsOfSession(long sessionId) {
        return jdbc.sql("SELECT * FROM schedule_makeup WHERE session_id = ? ORDER BY member_id").param(sessionId)
                .query(SessionStore::makeup).list();
    }

    public Optional<Makeup> makeup(long id) {
        return jdbc.sql("SELECT * FROM schedule_makeup WHERE id = ?").param(id).query(SessionStore::makeup).optional();
    }

    /** Open make-ups, for the reminder and escalation sweep. */
    public List<Makeup> openMakeups() {
        return jdbc.sql("SELECT * FROM schedule_makeup WHERE done_at IS NULL ORDER BY due_on, id")
                .query(SessionStore::makeup).list();
    }

    public void makeupDone(long id, Instant at) {
        jdbc.sql("UPDATE schedule_makeup SET done_at = ? WHERE id = ? AND done_at IS NULL")
                .params(DbInstants.param(at), id).update();
    }

    public void makeupNudged(long id, int escalation, Instant at) {
        jdbc.sql("UPDATE schedule_makeup SET escalation = ?, last_nudged_at = ? WHERE id = ?")
                .params(escalation, DbInstants.param(at), id).update();
    }

    /** The title of the session's quiz as it was when linked (null without a quiz). */
    public void setExamTitle(long id, String title) {
        jdbc.sql("UPDATE schedule_session SET exam_title = ? WHERE id = ?").params(title, id).update();
    }

    // quiz results

    /** A graded attempt at a session's quiz. */
    public record QuizResult(long examId, long memberId, long attemptId, java.math.BigDecimal percent, boolean passed,
                             Instant gradedAt) {
    }

    /** Records a graded attempt once; true when it was new. */
    public boolean recordQuizResult(long examId, long memberId, long attemptId, java.math.BigDecimal percent,
                                    boolean passed, Instant at) {
        return jdbc.sql("INSERT INTO schedule_quiz_result (exam_id, member_id, attempt_id, percent, passed, graded_at) "
                        + "SELECT ?, ?, ?, ?, ?, ? FROM (VALUES (0)) t WHERE NOT EXISTS (SELECT 1 FROM "
                        + "schedule_quiz_result WHERE exam_id = ? AND member_id = ? AND attempt_id = ?)")
                .params(examId, memberId, attemptId, percent, passed, DbInstants.param(at), examId, memberId, attemptId)
                .update() == 1;
    }

    public List<QuizResult> quizResults(long examId) {
        return jdbc.sql("SELECT * FROM schedule_quiz_result WHERE exam_id = ? ORDER BY member_id, graded_at")
                .param(examId).query((rs, n) -> new QuizResult(rs.getLong("exam_id"), rs.getLong("member_id"),
                        rs.getLong("attempt_id"), rs.getBigDecimal("percent"), rs.getBoolean("passed"),
                        DbInstants.get(rs, "graded_at"))).list();
    }

    public boolean passedQuiz(long examId, long memberId) {
        return jdbc.sql("SELECT COUNT(*) FROM schedule_quiz_result WHERE exam_id = ? AND member_id = ? AND passed")
                .params(examId, memberId).query(Long.class).single() > 0;
    }

    /** True when some session links this test (only those results are kept). */
    public boolean isSessionQuiz(long examId) {
        return jdbc.sql("SELECT COUNT(*) FROM schedule_session WHERE exam_id = ?").param(examId)
                .query(Long.class).single() > 0;
    }

    /** The person's open make-ups of sessions whose quiz is this test. */
    public List<Makeup> openMakeupsForQuiz(long examId, long memberId) {
        return jdbc.sql("SELECT m.* FROM schedule_makeup m JOIN schedule_session s ON s.id = m.session_id "
                        + "WHERE s.exam_id = ? AND m.member_id = ? AND m.done_at IS NULL ORDER BY m.id")
                .params(examId, memberId).query(SessionStore::makeup).list();
    }

    // photos

    /** A photo row plus the name of its files under the photo folder. */
    public record Photo(org.mingze.schedule.PhotoRow row, String storedName) {
    }

    public long insertPhoto(long sessionId, String storedName, String originalName, String format, long size,
                            int width, int height, String by, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO schedule_photo (session_id, stored_name, original_name, format, size_bytes, width, "
                        + "height, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(sessionId, storedName, originalName, format, size, width, height, by, DbInstants.param(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<org.mingze.schedule.PhotoRow> photos(long sessionId) {
        return jdbc.sql("SELECT * FROM schedule_photo WHERE session_id = ? ORDER BY uploaded_at, id").param(sessionId)
                .query((rs, n) -> photo(rs).row()).list();
    }

    public Optional<Photo> photo(long id) {
        return jdbc.sql("SELECT * FROM schedule_photo WHERE id = ?").param(id).query((rs, n) -> photo(rs)).optional();
    }

    public int countPhotos(long sessionId) {
        return jdbc.sql("SELECT COUNT(*) FROM schedule_photo WHERE session_id = ?").param(sessionId)
                .query(Integer.class).single();
    }

    public void deletePhoto(long id) {
        jdbc.sql("DELETE FROM schedule_photo WHERE id = ?").param(id).update();
    }

    private static Photo photo(ResultSet rs) throws SQLException {
        return new Photo(new org.mingze.schedule.PhotoRow(rs.getLong("id"), rs.getLong("session_id"),
                rs.getString("original_name"), rs.getString("format"), rs.getLong("size_bytes"), rs.getInt("width"),
                rs.getInt("height"), rs.getString("uploaded_by"), DbInstants.get(rs, "uploaded_at")),
                rs.getString("stored_name"));
    }

    // reminders

    /** Planned sessions starting in [from, to), by start. */
    public List<Session> plannedStarting(LocalDateTime from, LocalDateTime to) {
        return jdbc.sql("SELECT " + SESSION_COLUMNS + " FROM schedule_session WHERE status = 'PLANNED' "
                        + "AND starts_at >= :from AND starts_at < :to ORDER BY starts_at")
                .param("from", from).param("to", to)
                .query(SessionStore::session).list();
    }

    /** Records that a reminder of this kind went out; false when it had been sent before. */
    public boolean remember(long sessionId, long memberId, String kind, Instant at) {
        return jdbc.sql("INSERT INTO schedule_reminder (session_id, member_id, kind, sent_at) "
                        + "SELECT ?, ?, ?, ? FROM (VALUES (0)) t WHERE NOT EXISTS (SELECT 1 FROM schedule_reminder "
                        + "WHERE session_id = ? AND member_id = ? AND kind = ?)")
                .params(sessionId, memberId, kind, DbInstants.param(at), sessionId, memberId, kind).update() == 1;
    }

    public boolean reminded(long sessionId, long memberId, String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM schedule_reminder WHERE session_id = ? AND member_id = ? AND kind = ?")
                .params(sessionId, memberId, kind).query(Long.class).single() > 0;
    }

    // mapping

    private static Session session(ResultSet rs, int n) throws SQLException {
        return new Session(rs.getLong("id"), rs.getLong("unit_id"), SessionType.valueOf(rs.getString("session_type")),
                rs.getString("topic"), rs.getObject("starts_at", LocalDateTime.class), rs.getInt("duration_minutes"),
                rs.getString("place"), rs.getString("online_link"), rs.getString("host"),
                (Long) rs.getObject("host_member_id", Long.class), rs.getString("agenda"),
                (Long) rs.getObject("exam_id", Long.class), SessionStatus.valueOf(rs.getString("status")),
                rs.getString("cancel_reason"), rs.getString("minutes"), rs.getBytes("checkin_secret"),
                rs.getInt("checkin_margin_min"), rs.getInt("makeup_days"), rs.getString("series_id"),
                rs.getLong("version"), rs.getString("exam_title"));
    }

    private static Attendee attendee(ResultSet rs, int n) throws SQLException {
        return new Attendee(rs.getLong("session_id"), rs.getLong("member_id"),
                AttendanceStatus.valueOf(rs.getString("status")), rs.getString("how"), rs.getString("marked_by"),
                DbInstants.get(rs, "marked_at"), rs.getInt("failed_codes"));
    }

    private static Leave leave(ResultSet rs, int n) throws SQLException {
        return new Leave(rs.getLong("id"), rs.getLong("session_id"), rs.getLong("member_id"), rs.getString("reason"),
                DbInstants.get(rs, "requested_at"), LeaveDecision.valueOf(rs.getString("decision")),
                rs.getString("decided_by"), DbInstants.get(rs, "decided_at"), rs.getString("comment"));
    }

    private static Makeup makeup(ResultSet rs, int n) throws SQLException {
        return new Makeup(rs.getLong("id"), rs.getLong("session_id"), rs.getLong("member_id"), rs.getString("cause"),
                DbInstants.get(rs, "created_at"), rs.getDate("due_on").toLocalDate(),
                DbInstants.get(rs, "done_at"), rs.getInt("escalation"),
                DbInstants.get(rs, "last_nudged_at"));
    }
}
