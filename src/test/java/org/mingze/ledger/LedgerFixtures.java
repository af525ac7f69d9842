package org.mingze.ledger;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.mingze.base.time.BureauZone;
import org.mingze.base.time.DbInstants;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Rows for ledger tests, written straight into the modules' tables (bypassing their services, so that a test can
 * put any history in place). Instants are bound through {@link DbInstants}, as the modules themselves write
 * them (decision 0017). Nothing here is left open (no pending candidate, no open make-up, no planned
 * session), so that other modules' sweeps in the shared test context never see these rows.
 */
@Component
public class LedgerFixtures {

    private final JdbcClient jdbc;

    LedgerFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static Instant at(LocalDateTime t) {
        return t.atZone(BureauZone.get()).toInstant();
    }

    private long insert(String sql, Object... params) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        return keys.getKey().longValue();
    }

    // --- library ---

    public void studyTime(long member, String material, LocalDate day, int seconds) {
        jdbc.sql("INSERT INTO library_study_time (member_id, material_id, study_day, seconds, updated_at)"
                + " VALUES (?, ?, ?, ?, ?)").params(member, material, Date.valueOf(day), seconds,
                DbInstants.param(Instant.now())).update();
    }

    public void completion(long member, String material, String how, LocalDateTime when) {
        jdbc.sql("INSERT INTO library_study_completion (member_id, material_id, how, completed_at) VALUES (?, ?, ?, ?)")
                .params(member, material, how, DbInstants.param(at(when))).update();
    }

    // --- quiz ---

    public void wrongAnswer(long member, String questionId, LocalDateTime firstWrong, LocalDateTime mastered) {
        jdbc.sql("INSERT INTO quiz_wrong_answer (member_id, question_id, times_wrong, consecutive_correct,"
                        + " first_wrong_at, last_wrong_at, last_answered_at, in_book, mastered_at) VALUES (?, ?, 1, 0, ?, ?, ?, ?, ?)")
                .params(member, questionId, DbInstants.param(at(firstWrong)), DbInstants.param(at(firstWrong)),
                        DbInstants.param(at(mastered == null ? firstWrong : mastered)), mastered == null,
                        mastered == null ? null : DbInstants.param(at(mastered))).update();
    }

    /** A published test of the unit, open all of that year, showing results at once. */
    public long exam(long unitId, String title, String purpose, int passPercent, int year) {
        OffsetDateTime now = DbInstants.param(Instant.now());
        long paper = insert("INSERT INTO quiz_paper (title, kind, owner_unit_id, max_points, question_count, created_at,"
                + " created_by, updated_at, updated_by) VALUES (?, 'FIXED', ?, 100, 25, ?, 'test', ?, 'test')",
                title, unitId, now, now);
        return insert("INSERT INTO quiz_exam (title, description, purpose, paper_id, owner_unit_id, opens_at, closes_at,"
                        + " attempts_allowed, counted, pass_percent, shuffle_questions, shuffle_options, navigation,"
                        + " review_level, review_after_close, multiple_policy, tab_action, tab_limit, status, created_at,"
                        + " created_by, updated_at, updated_by) VALUES (?, '', ?, ?, ?, ?, ?, 2, 'HIGHEST', ?, FALSE,"
                        + " FALSE, 'FREE', 'SCORE', FALSE, 'ALL_OR_NOTHING', 'COUNT', 0, 'PUBLISHED', ?, 'test', ?, 'test')",
                title, purpose, paper, unitId, DbInstants.param(at(LocalDate.of(year, 1, 1).atStartOfDay())),
                DbInstants.param(at(LocalDate.of(year, 12, 31).atTime(23, 0))), passPercent, now, now);
    }

    /** A graded attempt (score null: awaiting manual grading). */
    public long attempt(long exam, long member, int no, LocalDateTime closed, BigDecimal score, Boolean passed) {
        return insert("INSERT INTO quiz_attempt (exam_id, member_id, attempt_no, status, closed_by, started_at, deadline,"
                        + " closed_at, holder_token, question_count, max_points, score, passed, graded_at)"
                        + " VALUES (?, ?, ?, ?, 'LEARNER', ?, ?, ?, 'x', 25, 100, ?, ?, ?)",
                exam, member, no, score == null ? "AWAITING_MANUAL" : "GRADED", DbInstants.param(at(closed.minusMinutes(20))),
                DbInstants.param(at(closed.plusMinutes(10))), DbInstants.param(at(closed)), score, passed, score == null ? null : DbInstants.param(at(closed)));
    }

    // --- review ---

    public long batch(long unitId, String name, String type, LocalDate deadline) {
        return insert("INSERT INTO review_batch (review_type, name, unit_id, deadline, pass_percent, resit_delay_days,"
                + " resit_window_days, created_by, created_at) VALUES (?, ?, ?, ?, 80, 7, 30, 'test', ?)",
                type, name, unitId, Date.valueOf(deadline), DbInstants.param(Instant.now()));
    }

    public long candidate(long batch, long member, String proposedPost, String state, LocalDate deadline,
                          BigDecimal firstScore, LocalDate firstOn, String reason, LocalDateTime decidedAt) {
        return insert("INSERT INTO review_candidate (batch_id, member_id, current_post, proposed_post, state, deadline,"
                        + " first_score, first_max, first_on, reason, decided_at) VALUES (?, ?, '副所长', ?, ?, ?, ?, ?, ?, ?, ?)",
                batch, member, proposedPost, state, Date.valueOf(deadline), firstScore,
                firstScore == null ? null : BigDecimal.valueOf(100), firstOn == null ? null : Date.valueOf(firstOn),
                reason, decidedAt == null ? null : DbInstants.param(at(decidedAt)));
    }

    public void reviewReminder(long candidate, String kind, LocalDateTime sent) {
        jdbc.sql("INSERT INTO review_reminder (candidate_id, kind, sent_at) VALUES (?, ?, ?)")
                .params(candidate, kind, DbInstants.param(at(sent))).update();
    }

    // --- schedule ---

    public long session(long unitId, String type, String topic, LocalDateTime starts, String status) {
        return insert("INSERT INTO schedule_session (unit_id, session_type, topic, starts_at, duration_minutes, status,"
                        + " checkin_secret, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, 90, ?, ?, 'test', ?, ?)",
                unitId, type, topic, starts, status, new byte[32], DbInstants.param(Instant.now()),
                DbInstants.param(Instant.now()));
    }

    public void attendee(long session, long member, String status) {
        jdbc.sql("INSERT INTO schedule_attendee (session_id, member_id, status) VALUES (?, ?, ?)")
                .params(session, member, status).update();
    }

    public void leave(long session, long member, String reason, String decision) {
        jdbc.sql("INSERT INTO schedule_leave (session_id, member_id, reason, requested_at, decision, decided_by,"
                + " decided_at) VALUES (?, ?, ?, ?, ?, 'test', ?)").params(session, member, reason,
                DbInstants.param(Instant.now()), decision, DbInstants.param(Instant.now())).update();
    }

    public void makeup(long session, long member, String cause, LocalDate due, LocalDateTime done) {
        jdbc.sql("INSERT INTO schedule_makeup (session_id, member_id, cause, created_at, due_on, done_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)").params(session, member, cause, DbInstants.param(Instant.now()),
                Date.valueOf(due), DbInstants.param(at(done))).update();
    }

    public void scheduleReminder(long session, long member, String kind, LocalDateTime sent) {
        jdbc.sql("INSERT INTO schedule_reminder (session_id, member_id, kind, sent_at) VALUES (?, ?, ?, ?)")
                .params(session, member, kind, DbInstants.param(at(sent))).update();
    }

    /** A notice to an account, created at that time, read or not. */
    public void notice(String username, String title, LocalDateTime created, LocalDateTime read) {
        jdbc.sql("INSERT INTO base_notification (recipient, title, body, link, created_at, read_at)"
                        + " VALUES (?, ?, '请按时完成。', NULL, ?, ?)").params(username, title, DbInstants.param(at(created)),
                read == null ? null : DbInstants.param(at(read))).update();
    }
}
