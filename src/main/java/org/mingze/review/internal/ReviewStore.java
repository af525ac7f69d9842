package org.mingze.review.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.mingze.base.time.DbInstants;
import org.mingze.review.CandidateState;
import org.mingze.review.ReviewType;
import org.mingze.review.Standing;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The review tables through plain SQL, like the schedule's. No access checks here: the services check first. */
@Repository
public class ReviewStore {

    private final JdbcClient jdbc;

    ReviewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Batch(long id, ReviewType type, String name, long unitId, LocalDate deadline, int passPercent,
                        int resitDelayDays, int resitWindowDays, Long examId, String createdBy, Instant createdAt) {
    }

    public record Candidate(long id, long batchId, long memberId, String currentPost, String proposedPost,
                            CandidateState state, LocalDate deadline, Long firstAttemptId, BigDecimal firstScore,
                            BigDecimal firstMax, LocalDate firstOn, LocalDate resitOpens, LocalDate resitCloses,
                            List<String> makeupTags, Instant makeupDoneAt, Instant resitGrantedAt,
                            Long resitAttemptId, BigDecimal resitScore, BigDecimal resitMax, LocalDate resitOn,
                            String reason, Instant decidedAt) {
        public Standing standing() {
            return new Standing(state, deadline, resitOpens, resitCloses, resitGrantedAt != null,
                    makeupDoneAt != null);
        }

        /** This candidate as shown: another state and make-up time, computed for display, not stored. */
        public Candidate shown(CandidateState shownState, Instant shownMakeupDoneAt) {
            return new Candidate(id, batchId, memberId, currentPost, proposedPost, shownState, deadline,
                    firstAttemptId, firstScore, firstMax, firstOn, resitOpens, resitCloses, makeupTags,
                    shownMakeupDoneAt, resitGrantedAt, resitAttemptId, resitScore, resitMax, resitOn, reason,
                    decidedAt);
        }

        /** The attempt that decided (or will decide) the outcome: the re-sit when there is one. */
        public Long lastAttemptId() {
            return resitAttemptId != null ? resitAttemptId : firstAttemptId;
        }
    }

    public record Sheet(String code, long candidateId, String contentHash, String issuedBy, Instant issuedAt) {
    }

    private static final String BATCH = "SELECT id, review_type, name, unit_id, deadline, pass_percent, "
            + "resit_delay_days, resit_window_days, exam_id, created_by, created_at FROM review_batch ";

    private static final String CANDIDATE = "SELECT id, batch_id, member_id, current_post, proposed_post, state, "
            + "deadline, first_attempt_id, first_score, first_max, first_on, resit_opens, resit_closes, makeup_tags, "
            + "makeup_done_at, resit_granted_at, resit_attempt_id, resit_score, resit_max, resit_on, reason, "
            + "decided_at FROM review_candidate ";

    public long insertBatch(ReviewType type, String name, long unitId, LocalDate deadline, int pass, int delay,
                            int window, String actor, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO review_batch (review_type, name, unit_id, deadline, pass_percent, resit_delay_days, "
                        + "resit_window_days, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(type.name(), name, unitId, Date.valueOf(deadline), pass, delay, window, actor,
                        DbInstants.param(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void setExam(long batchId, long examId) {
        jdbc.sql("UPDATE review_batch SET exam_id = ? WHERE id = ?").params(examId, batchId).update();
    }

    public long insertCandidate(long batchId, long memberId, String currentPost, String proposedPost,
                                LocalDate deadline) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO review_candidate (batch_id, member_id, current_post, proposed_post, state, deadline) "
                        + "VALUES (?, ?, ?, ?, 'PENDING', ?)")
                .params(batchId, memberId, currentPost, proposedPost, Date.valueOf(deadline))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<Batch> batch(long id) {
        return jdbc.sql(BATCH + "WHERE id = ?").param(id).query(ReviewStore::batch).optional();
    }

    public Optional<Batch> batchByExam(long examId) {
        return jdbc.sql(BATCH + "WHERE exam_id = ?").param(examId).query(ReviewStore::batch).optional();
    }

    public List<Batch> batches() {
        return jdbc.sql(BATCH + "ORDER BY deadline DESC, id DESC").query(ReviewStore::batch).list();
    }

    public List<Candidate> candidates(long batchId) {
        return jdbc.sql(CANDIDATE + "WHERE batch_id = ? ORDER BY id").param(batchId).query(ReviewStore::candidate)
                .list();
    }

    public Optional<Candidate> candidate(long id) {
        return jdbc.sql(CANDIDATE + "WHERE id = ?").param(id).query(ReviewStore::candidate).optional();
    }

    public Optional<Candidate> candidate(long batchId, long memberId) {
        return jdbc.sql(CANDIDATE + "WHERE batch_id = ? AND member_id = ?").params(batchId, memberId)
                .query(ReviewStore::candidate).optional();
    }

    public List<Candidate> candidatesOf(long memberId) {
        return jdbc.sql(CANDIDATE + "WHERE member_id = ? ORDER BY id DESC").param(memberId)
                .query(ReviewStore::candidate).list();
    }

    /** Candidates whose state time can still change: PENDING and DEFERRED. */
    public List<Candidate> open() {
        return jdbc.sql(CANDIDATE + "WHERE state IN ('PENDING', 'DEFERRED') ORDER BY id").query(ReviewStore::candidate)
                .list();
    }

    public void saveStanding(long id, Standing s, String reason, Instant now) {
        jdbc.sql("UPDATE review_candidate SET state = ?, deadline = ?, resit_opens = ?, resit_closes = ?, "
                        + "reason = COALESCE(?, reason), decided_at = ? WHERE id = ?")
                .params(s.state().name(), Date.valueOf(s.deadline()), date(s.resitOpens()), date(s.resitCloses()),
                        reason, DbInstants.param(now), id)
                .update();
    }

    /** Records the first attempt once; false when one is recorded already (the event and the sweep raced). */
    public boolean firstAttempt(long id, long attemptId, BigDecimal score, BigDecimal max, LocalDate on,
                                List<String> makeupTags) {
        return jdbc.sql("UPDATE review_candidate SET first_attempt_id = ?, first_score = ?, first_max = ?, "
                        + "first_on = ?, makeup_tags = ? WHERE id = ? AND first_attempt_id IS NULL")
                .params(attemptId, score, max, Date.valueOf(on), String.join("\n", makeupTags), id).update() == 1;
    }

    /** Records the re-sit attempt once; false when one is recorded already. */
    public boolean resitAttempt(long id, long attemptId, BigDecimal score, BigDecimal max, LocalDate on) {
        return jdbc.sql("UPDATE review_candidate SET resit_attempt_id = ?, resit_score = ?, resit_max = ?, "
                        + "resit_on = ? WHERE id = ? AND resit_attempt_id IS NULL")
                .params(attemptId, score, max, Date.valueOf(on), id).update() == 1;
    }

    public void makeupDone(long id, Instant at) {
        jdbc.sql("UPDATE review_candidate SET makeup_done_at = ? WHERE id = ? AND makeup_done_at IS NULL")
                .params(DbInstants.param(at), id).update();
    }

    public void resitGranted(long id, Instant at) {
        jdbc.sql("UPDATE review_candidate SET resit_granted_at = ? WHERE id = ?").params(DbInstants.param(at), id)
                .update();
    }

    /** Remembers a reminder; false when it was already sent. */
    public boolean remember(long candidateId, String kind, Instant now) {
        Integer n = jdbc.sql("SELECT COUNT(*) FROM review_reminder WHERE candidate_id = ? AND kind = ?")
                .params(candidateId, kind).query(Integer.class).single();
        if (n > 0) {
            return false;
        }
        jdbc.sql("INSERT INTO review_reminder (candidate_id, kind, sent_at) VALUES (?, ?, ?)")
                .params(candidateId, kind, DbInstants.param(now)).update();
        return true;
    }

    public boolean reminded(long candidateId, String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM review_reminder WHERE candidate_id = ? AND kind = ?")
                .params(candidateId, kind).query(Integer.class).single() > 0;
    }

    public void insertSheet(String code, long candidateId, String hash, String actor, Instant now) {
        jdbc.sql("INSERT INTO review_sheet (code, candidate_id, content_hash, issued_by, issued_at) "
                + "VALUES (?, ?, ?, ?, ?)").params(code, candidateId, hash, actor, DbInstants.param(now)).update();
    }

    public Optional<Sheet> sheet(String code) {
        return jdbc.sql("SELECT code, candidate_id, content_hash, issued_by, issued_at FROM review_sheet WHERE code = ?")
                .param(code).query((rs, n) -> new Sheet(rs.getString(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), DbInstants.get(rs, 5))).optional();
    }

    public Optional<Sheet> latestSheet(long candidateId) {
        return jdbc.sql("SELECT code, candidate_id, content_hash, issued_by, issued_at FROM review_sheet "
                        + "WHERE candidate_id = ? ORDER BY issued_at DESC").param(candidateId)
                .query((rs, n) -> new Sheet(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        DbInstants.get(rs, 5))).list().stream().findFirst();
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static LocalDate local(Date d) {
        return d == null ? null : d.toLocalDate();
    }


    private static Batch batch(ResultSet rs, int n) throws SQLException {
        long exam = rs.getLong(9);
        return new Batch(rs.getLong(1), ReviewType.valueOf(rs.getString(2)), rs.getString(3), rs.getLong(4),
                rs.getDate(5).toLocalDate(), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.wasNull() ? null : exam,
                rs.getString(10), DbInstants.get(rs, 11));
    }

    private static Long longOrNull(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }

    private static Candidate candidate(ResultSet rs, int n) throws SQLException {
        String tags = rs.getString(14);
        return new Candidate(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                CandidateState.valueOf(rs.getString(6)), rs.getDate(7).toLocalDate(), longOrNull(rs, 8),
                rs.getBigDecimal(9), rs.getBigDecimal(10), local(rs.getDate(11)), local(rs.getDate(12)),
                local(rs.getDate(13)), tags == null || tags.isEmpty() ? List.of() : Arrays.asList(tags.split("\n")),
                DbInstants.get(rs, 15), DbInstants.get(rs, 16), longOrNull(rs, 17),
                rs.getBigDecimal(18), rs.getBigDecimal(19), local(rs.getDate(20)), rs.getString(21),
                DbInstants.get(rs, 22));
    }
}
