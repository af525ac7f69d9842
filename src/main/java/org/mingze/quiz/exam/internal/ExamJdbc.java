package org.mingze.quiz.exam.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mingze.base.time.DbInstants;
import org.mingze.quiz.Grade;
import org.mingze.quiz.QuestionType;
import org.mingze.quiz.exam.DrawSection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The exam engine's child rows through JDBC: paper items and sections, audiences, ONCE draws, and attempt items (the
 * hot path: saving an answer is one guarded UPDATE). Joins the caller's transaction when there is one.
 */
@Component
public class ExamJdbc {

    /** A question placed in a paper or an attempt. */
    public record Placed(String questionId, int version, BigDecimal points) {
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    ExamJdbc(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    // --- papers ------------------------------------------------------------------------------------------------

    public void replacePaperItems(long paperId, List<Placed> items) {
        jdbc.update("DELETE FROM quiz_paper_item WHERE paper_id = ?", paperId);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Placed p = items.get(i);
            rows.add(new Object[]{paperId, i, p.questionId(), p.version(), p.points()});
        }
        jdbc.batchUpdate("INSERT INTO quiz_paper_item (paper_id, position, question_id, question_version, points) "
                + "VALUES (?, ?, ?, ?, ?)", rows);
    }

    public List<Placed> paperItems(long paperId) {
        return jdbc.query("SELECT question_id, question_version, points FROM quiz_paper_item WHERE paper_id = ? "
                + "ORDER BY position", (rs, i) -> new Placed(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3)),
                paperId);
    }

    public void replacePaperSections(long paperId, List<DrawSection> sections) {
        jdbc.update("DELETE FROM quiz_paper_section WHERE paper_id = ?", paperId);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            DrawSection s = sections.get(i);
            rows.add(new Object[]{paperId, i, s.title(), Json.strings(s.banks()), Json.strings(s.tags()),
                    Json.strings(s.types().stream().map(QuestionType::name).toList()), s.minDifficulty(),
                    s.maxDifficulty(), s.count(), s.pointsEach()});
        }
        jdbc.batchUpdate("INSERT INTO quiz_paper_section (paper_id, position, title, banks_json, tags_json, "
                + "types_json, min_difficulty, max_difficulty, draw_count, points_each) VALUES (?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?)", rows);
    }

    public List<DrawSection> paperSections(long paperId) {
        return jdbc.query("SELECT title, banks_json, tags_json, types_json, min_difficulty, max_difficulty, "
                + "draw_count, points_each FROM quiz_paper_section WHERE paper_id = ? ORDER BY position",
                (rs, i) -> new DrawSection(rs.getString(1), Json.strings(rs.getString(2)),
                        Json.strings(rs.getString(3)),
                        Json.strings(rs.getString(4)).stream().map(QuestionType::valueOf).toList(), rs.getInt(5),
                        rs.getInt(6), rs.getInt(7), rs.getBigDecimal(8)), paperId);
    }

    // --- exams -------------------------------------------------------------------------------------------------

    public void replaceAudience(long examId, Collection<Long> units, Collection<Long> members) {
        jdbc.update("DELETE FROM quiz_exam_unit WHERE exam_id = ?", examId);
        jdbc.update("DELETE FROM quiz_exam_member WHERE exam_id = ?", examId);
        jdbc.batchUpdate("INSERT INTO quiz_exam_unit (exam_id, unit_id) VALUES (?, ?)",
                units.stream().distinct().map(u -> new Object[]{examId, u}).toList());
        jdbc.batchUpdate("INSERT INTO quiz_exam_member (exam_id, member_id) VALUES (?, ?)",
                members.stream().distinct().map(m -> new Object[]{examId, m}).toList());
    }

    public List<Long> audienceUnits(long examId) {
        return jdbc.queryForList("SELECT unit_id FROM quiz_exam_unit WHERE exam_id = ? ORDER BY unit_id", Long.class,
                examId);
    }

    public List<Long> audienceMembers(long examId) {
        return jdbc.queryForList("SELECT member_id FROM quiz_exam_member WHERE exam_id = ? ORDER BY member_id",
                Long.class, examId);
    }

    public List<Placed> onceDraw(long examId) {
        return jdbc.query("SELECT question_id, question_version, points FROM quiz_exam_draw WHERE exam_id = ? "
                + "ORDER BY position", (rs, i) -> new Placed(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3)),
                examId);
    }

    public void saveOnceDraw(long examId, List<Placed> items) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Placed p = items.get(i);
            rows.add(new Object[]{examId, i, p.questionId(), p.version(), p.points()});
        }
        jdbc.batchUpdate("INSERT INTO quiz_exam_draw (exam_id, position, question_id, question_version, points) "
                + "VALUES (?, ?, ?, ?, ?)", rows);
    }

    // --- attempts ----------------------------------------------------------------------------------------------

    /** A new item of an attempt: the question shown, its points and the option order. */
    public record NewItem(String questionId, int version, BigDecimal points, int[] order) {
    }

    public void insertItems(long attemptId, List<NewItem> items) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            NewItem n = items.get(i);
            rows.add(new Object[]{attemptId, i, n.questionId(), n.version(), n.points(), Json.order(n.order())});
        }
        jdbc.batchUpdate("INSERT INTO quiz_attempt_item (attempt_id, position, question_id, question_version, points, "
                + "option_order) VALUES (?, ?, ?, ?, ?, ?)", rows);
    }

    private static final String ITEM_COLUMNS = "attempt_id, position, question_id, question_version, points, "
            + "option_order, response, saved_at, flagged, outcome, earned, grade_comment";

    public List<ItemRow> items(long attemptId) {
        return jdbc.query("SELECT " + ITEM_COLUMNS + " FROM quiz_attempt_item WHERE attempt_id = ? ORDER BY position",
                ExamJdbc::item, attemptId);
    }

    /** The items with row locks held to the end of the transaction: saves wait, then find them graded. */
    public List<ItemRow> lockItems(long attemptId) {
        return jdbc.query("SELECT " + ITEM_COLUMNS + " FROM quiz_attempt_item WHERE attempt_id = ? ORDER BY position "
                + "FOR UPDATE", ExamJdbc::item, attemptId);
    }

    public Map<Long, List<ItemRow>> items(Collection<Long> attemptIds) {
        return items(attemptIds, "");
    }

    /**
     * The items of many attempts (ascending attempt ids, each in position order) with row locks held to the end of
     * the transaction, in one statement per 500 attempts: closing a group of attempts at once.
     */
    public Map<Long, List<ItemRow>> lockItems(Collection<Long> attemptIds) {
        return items(new java.util.TreeSet<>(attemptIds), " FOR UPDATE");
    }

    private Map<Long, List<ItemRow>> items(Collection<Long> attemptIds, String lock) {
        Map<Long, List<ItemRow>> out = new HashMap<>();
        if (attemptIds.isEmpty()) {
            return out;
        }
        List<Long> ids = new ArrayList<>(attemptIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            named.query("SELECT " + ITEM_COLUMNS + " FROM quiz_attempt_item WHERE attempt_id IN (:ids) "
                            + "ORDER BY attempt_id, position" + lock, new MapSqlParameterSource("ids", chunk),
                    (ResultSet rs) -> {
                        ItemRow r = item(rs, 0);
                        out.computeIfAbsent(r.attemptId(), k -> new ArrayList<>()).add(r);
                    });
        }
        return out;
    }

    /**
     * What the organiser's list shows of a test beyond its settings: the audience's size (active members of its
     * units' subtrees and the members named), members who started, members with a closed attempt, the latest
     * personal close time granted, and the owner unit's name.
     */
    public record ListFigures(long audience, long started, long finished, Instant lastPersonalClose,
                              String ownerUnitName) {
    }

    /** {@link ListFigures} of many tests in one statement per 500 tests (no query per test). */
    public Map<Long, ListFigures> listFigures(Collection<Long> examIds) {
        Map<Long, ListFigures> out = new HashMap<>();
        List<Long> ids = new ArrayList<>(examIds);
        for (int from = 0; from < ids.size(); from += 500) {
            named.query("SELECT e.id, "
                            + "(SELECT COUNT(*) FROM org_member m JOIN org_unit u ON u.id = m.unit_id WHERE "
                            + "(m.active = TRUE AND EXISTS (SELECT 1 FROM quiz_exam_unit eu JOIN org_unit au "
                            + "ON au.id = eu.unit_id WHERE eu.exam_id = e.id AND u.path LIKE au.path || '%')) "
                            + "OR EXISTS (SELECT 1 FROM quiz_exam_member em WHERE em.exam_id = e.id "
                            + "AND em.member_id = m.id)), "
                            + "(SELECT COUNT(DISTINCT a.member_id) FROM quiz_attempt a WHERE a.exam_id = e.id), "
                            + "(SELECT COUNT(DISTINCT a.member_id) FROM quiz_attempt a WHERE a.exam_id = e.id "
                            + "AND a.status <> 'IN_PROGRESS'), "
                            + "(SELECT MAX(x.closes_at) FROM quiz_exam_exception x WHERE x.exam_id = e.id), "
                            + "(SELECT o.name FROM org_unit o WHERE o.id = e.owner_unit_id) "
                            + "FROM quiz_exam e WHERE e.id IN (:ids)",
                    new MapSqlParameterSource("ids", ids.subList(from, Math.min(ids.size(), from + 500))),
                    (ResultSet rs) -> {
                        out.put(rs.getLong(1), new ListFigures(rs.getLong(2), rs.getLong(3), rs.getLong(4),
                                DbInstants.get(rs, 5), rs.getString(6) == null ? "" : rs.getString(6)));
                    });
        }
        return out;
    }

    /**
     * The published tests whose audience includes the person (named, or their unit inside one of its units'
     * subtrees), latest close first: one statement.
     */
    public List<Long> publishedFor(long memberId, String unitPath) {
        return jdbc.queryForList("SELECT e.id FROM quiz_exam e WHERE e.status = 'PUBLISHED' AND (EXISTS (SELECT 1 "
                + "FROM quiz_exam_member em WHERE em.exam_id = e.id AND em.member_id = ?) OR EXISTS (SELECT 1 "
                + "FROM quiz_exam_unit eu JOIN org_unit au ON au.id = eu.unit_id WHERE eu.exam_id = e.id "
                + "AND ? LIKE au.path || '%')) ORDER BY e.closes_at DESC", Long.class, memberId, unitPath);
    }

    /** An essay waiting for a grade, with what the grading queue needs of its attempt. */
    public record WaitingEssay(ItemRow item, long examId, long memberId, Instant closedAt) {
    }

    /**
     * The essays waiting for a grade in attempts AWAITING_MANUAL of these tests, in one statement per 500 tests
     * (the grading queue: no query per attempt).
     */
    public List<WaitingEssay> waitingEssays(Collection<Long> examIds) {
        List<WaitingEssay> out = new ArrayList<>();
        List<Long> ids = new ArrayList<>(examIds);
        for (int from = 0; from < ids.size(); from += 500) {
            named.query("SELECT i." + ITEM_COLUMNS.replace(", ", ", i.") + ", a.exam_id, a.member_id, a.closed_at FROM quiz_attempt_item i "
                            + "JOIN quiz_attempt a ON a.id = i.attempt_id WHERE a.exam_id IN (:ids) "
                            + "AND a.status = 'AWAITING_MANUAL' AND i.outcome = 'MANUAL'",
                    new MapSqlParameterSource("ids", ids.subList(from, Math.min(ids.size(), from + 500))),
                    (ResultSet rs) -> {
                        out.add(new WaitingEssay(item(rs, 0), rs.getLong(13), rs.getLong(14),
                                DbInstants.get(rs, 15)));
                    });
        }
        return out;
    }

    private static ItemRow item(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString(10);
        return new ItemRow(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getInt(4), rs.getBigDecimal(5),
                Json.order(rs.getString(6)), Json.response(rs.getString(7)), DbInstants.get(rs, 8),
                rs.getBoolean(9), outcome == null ? null : Grade.Outcome.valueOf(outcome), rs.getBigDecimal(11),
                rs.getString(12));
    }

    /**
     * The hot path: stores an answer if the attempt is the member's, in progress, before its deadline, held by this
     * token, and the item not graded yet. Returns the rows changed (1, or 0 when a guard failed).
     */
    public int saveResponse(long attemptId, long memberId, String token, int position, String json, Instant now) {
        OffsetDateTime at = DbInstants.param(now);
        return jdbc.update(SAVE, json, at, attemptId, position, attemptId, memberId, at, token);
    }

    private static final String SAVE = "UPDATE quiz_attempt_item SET response = ?, saved_at = ?, "
            + "save_seq = save_seq + 1 WHERE attempt_id = ? AND position = ? AND outcome IS NULL AND EXISTS (SELECT 1 "
            + "FROM quiz_attempt a WHERE a.id = ? AND a.member_id = ? AND a.status = 'IN_PROGRESS' AND a.deadline > ? "
            + "AND a.holder_token = ?)";

    /** One save for {@link #saveResponses}. */
    public record Save(long attemptId, long memberId, String token, int position, String json, Instant now) {
    }

    /**
     * {@link #saveResponse} for several answers as one JDBC batch, in the caller's transaction: the rows each UPDATE
     * changed, in order.
     */
    public int[] saveResponses(List<Save> saves) {
        int[] rows = jdbc.batchUpdate(SAVE, saves.stream().map(s -> {
            OffsetDateTime at = DbInstants.param(s.now());
            return new Object[]{s.json(), at, s.attemptId(), s.position(), s.attemptId(), s.memberId(), at, s.token()};
        }).toList());
        if (rows.length != saves.size() || java.util.Arrays.stream(rows).anyMatch(n -> n < 0)) {
            throw new IllegalStateException("the driver did not count each UPDATE of the batch: "
                    + java.util.Arrays.toString(rows));
        }
        return rows;
    }

    public int flag(long attemptId, long memberId, String token, int position, boolean flagged, Instant now) {
        return jdbc.update("UPDATE quiz_attempt_item SET flagged = ? WHERE attempt_id = ? AND position = ? "
                + "AND outcome IS NULL AND EXISTS (SELECT 1 FROM quiz_attempt a WHERE a.id = ? AND a.member_id = ? "
                + "AND a.status = 'IN_PROGRESS' AND a.deadline > ? AND a.holder_token = ?)", flagged, attemptId,
                position, attemptId, memberId, DbInstants.param(now), token);
    }

    /** The grades of the items of many attempts, as one JDBC batch (attempt id -> its graded items). */
    public void setGrades(Map<Long, List<ItemRow>> graded) {
        List<Object[]> rows = new ArrayList<>();
        graded.forEach((attemptId, items) -> items.forEach(g -> rows.add(new Object[]{g.outcome().name(), g.earned(),
                attemptId, g.position()})));
        jdbc.batchUpdate("UPDATE quiz_attempt_item SET outcome = ?, earned = ? WHERE attempt_id = ? AND position = ?",
                rows);
    }

    public int setEssayGrade(long attemptId, int position, Grade.Outcome outcome, BigDecimal points, String comment,
                             String by, Instant at) {
        return jdbc.update("UPDATE quiz_attempt_item SET earned = ?, grade_comment = ?, graded_by = ?, graded_at = ?, "
                + "outcome = ? WHERE attempt_id = ? AND position = ?", points, comment, by, DbInstants.param(at),
                outcome.name(), attemptId, position);
    }

    /** Per attempt of the exam: answered items and the last save. */
    public Map<Long, Object[]> progress(long examId) {
        Map<Long, Object[]> out = new HashMap<>();
        jdbc.query("SELECT i.attempt_id, SUM(CASE WHEN i.response IS NULL THEN 0 ELSE 1 END), MAX(i.saved_at) "
                + "FROM quiz_attempt_item i JOIN quiz_attempt a ON a.id = i.attempt_id WHERE a.exam_id = ? "
                + "GROUP BY i.attempt_id", (ResultSet rs) -> {
                    out.put(rs.getLong(1), new Object[]{rs.getInt(2), DbInstants.get(rs, 3)});
                }, examId);
        return out;
    }


    // --- for other modules -------------------------------------------------------------------------------------

    /** Per tag of an attempt's graded items: questions, not full points, earned, possible. */
    public List<org.mingze.quiz.exam.TagScore> tagScores(long attemptId) {
        java.util.Map<String, Object[]> byTag = new java.util.TreeMap<>();
        jdbc.query("SELECT v.tags_json, i.earned, i.points FROM quiz_attempt_item i JOIN quiz_question_version v "
                + "ON v.question_id = i.question_id AND v.version = i.question_version "
                + "WHERE i.attempt_id = ? AND i.outcome IS NOT NULL", rs -> {
                    BigDecimal earned = rs.getBigDecimal(2) == null ? BigDecimal.ZERO : rs.getBigDecimal(2);
                    BigDecimal points = rs.getBigDecimal(3);
                    boolean wrong = earned.compareTo(points) < 0;
                    for (String tag : Json.strings(rs.getString(1))) {
                        Object[] t = byTag.computeIfAbsent(tag, k -> new Object[]{0, 0, BigDecimal.ZERO, BigDecimal.ZERO});
                        t[0] = (int) t[0] + 1;
                        t[1] = (int) t[1] + (wrong ? 1 : 0);
                        t[2] = ((BigDecimal) t[2]).add(earned);
                        t[3] = ((BigDecimal) t[3]).add(points);
                    }
                }, attemptId);
        return byTag.entrySet().stream().map(e -> new org.mingze.quiz.exam.TagScore(e.getKey(), (int) e.getValue()[0],
                (int) e.getValue()[1], (BigDecimal) e.getValue()[2], (BigDecimal) e.getValue()[3])).toList();
    }
}
