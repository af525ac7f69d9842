package org.mingze.quiz.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mingze.base.time.DbInstants;
import org.mingze.quiz.Grade;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each person's wrong-answer book (错题本), without access checks (callers are the practice and study-check
 * services and, later, the test engine of this module; each passes the member it acts for). A wrong, partly right
 * or unanswered question enters the book; {@value WrongAnswer#TO_MASTER} correct answers in a row, from any practice,
 * check or test, take it out. Essays waiting for a person ({@link Grade.Outcome#MANUAL}) change nothing.
 */
@Component
public class WrongAnswerBook {

    /** What one answer did to the book. */
    public enum Change {
        /** Nothing: right, and not in the book; or an essay. */
        NONE,
        /** Wrong: the question is in the book now (new, back again, or still there). */
        ENTERED,
        /** Right, but one correct answer in a row is not yet enough: it stays in the book. */
        STAYED,
        /** Right for the second time in a row: out of the book. */
        LEFT
    }

    private final WrongAnswerRepository rows;
    private final Clock clock;
    private final PracticeTally tally;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final java.util.concurrent.ConcurrentMap<Long, Object> locks =
            new java.util.concurrent.ConcurrentHashMap<>();

    WrongAnswerBook(WrongAnswerRepository rows, Clock clock, JdbcTemplate jdbc, PracticeTally tally) {
        this.tally = tally;
        this.rows = rows;
        this.clock = clock;
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * The lock of a person's book: held by callers around their transaction (until it commits), so that two answers
     * of the same person never update the same row at once.
     */
    public Object lock(long memberId) {
        return locks.computeIfAbsent(memberId, k -> new Object());
    }

    /** Records one graded answer of a person to a question, in practice or a study check. */
    @Transactional
    public Change record(long memberId, String questionId, Grade.Outcome outcome) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        switch (outcome) {
            case MANUAL -> {
                return Change.NONE;
            }
            case CORRECT -> {
                WrongAnswer row = rows.findByMemberIdAndQuestionId(memberId, questionId).orElse(null);
                if (row == null) {
                    return Change.NONE;
                }
                boolean wasIn = row.isInBook();
                boolean left = row.correct(now);
                rows.save(row);
                return left ? Change.LEFT : wasIn ? Change.STAYED : Change.NONE;
            }
            default -> {
                WrongAnswer row = rows.findByMemberIdAndQuestionId(memberId, questionId)
                        .orElseGet(() -> new WrongAnswer(memberId, questionId, now));
                row.wrong(now);
                rows.save(row);
                return Change.ENTERED;
            }
        }
    }

    /**
     * A practice answer: recorded as {@link #record} does, and counted in the day's practice tally for the ledger,
     * in one transaction.
     */
    @Transactional
    public Change recordPractice(long memberId, String questionId, Grade.Outcome outcome) {
        Change change = record(memberId, questionId, outcome);
        tally.count(memberId, outcome);
        return change;
    }

    /**
     * The seam for the test engine: an answer graded in a test counts for the book as one in practice does (a wrong
     * one enters it, a right one counts towards leaving it).
     */
    @Transactional
    public Change recordTestAnswer(long memberId, String questionId, Grade.Outcome outcome) {
        return record(memberId, questionId, outcome);
    }

    /** One graded answer of a test, for {@link #recordTestAnswers}. */
    public record TestAnswer(String questionId, Grade.Outcome outcome) {
    }

    /**
     * The test engine's batch: every graded answer of one attempt, with the same effect as {@link #recordTestAnswer}
     * called for each in order, but one SELECT of the person's rows for these questions, one batched INSERT and one
     * batched UPDATE (plain JDBC, the version checked and increased as JPA would), instead of a round trip or two
     * per answer. The caller holds {@link #lock} of the member, as for single answers.
     *
     * @throws OptimisticLockingFailureException a row changed under the caller (it did not hold the lock)
     */
    @Transactional
    public void recordTestAnswers(long memberId, List<TestAnswer> answers) {
        recordTestAnswers(Map.of(memberId, answers));
    }

    /**
     * The same for the attempts of many people at once (a test's deadline closes hundreds): still one SELECT, one
     * batched INSERT and one batched UPDATE for all of them. Each person's answers take effect in their list's order
     * (two attempts of one person: the first's answers, then the second's). The caller holds {@link #lock} of every
     * member.
     *
     * @throws OptimisticLockingFailureException a row changed under the caller (it did not hold the locks)
     */
    @Transactional
    public void recordTestAnswers(Map<Long, List<TestAnswer>> answersByMember) {
        Map<Long, List<TestAnswer>> graded = new LinkedHashMap<>();
        answersByMember.forEach((member, answers) -> {
            List<TestAnswer> g = answers.stream().filter(a -> a.outcome() != Grade.Outcome.MANUAL).toList();
            if (!g.isEmpty()) {
                graded.put(member, g);
            }
        });
        if (graded.isEmpty()) {
            return;
        }
        OffsetDateTime now = DbInstants.param(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        // one map of rows per member; the SELECT reads every (member, question) pair of the members and questions
        // involved and keeps those of a member's own questions
        Map<Long, Map<String, Row>> books = new LinkedHashMap<>();
        graded.keySet().forEach(m -> books.put(m, new LinkedHashMap<>()));
        List<Long> members = List.copyOf(graded.keySet());
        List<String> ids = graded.values().stream().flatMap(List::stream).map(TestAnswer::questionId).distinct()
                .toList();
        for (int mf = 0; mf < members.size(); mf += 500) {
            List<Long> ms = members.subList(mf, Math.min(members.size(), mf + 500));
            for (int from = 0; from < ids.size(); from += 500) {
                named.query("SELECT id, question_id, times_wrong, consecutive_correct, first_wrong_at, last_wrong_at, "
                        + "in_book, mastered_at, version, member_id FROM quiz_wrong_answer WHERE member_id IN "
                        + "(:members) AND question_id IN (:ids)", new MapSqlParameterSource("members", ms)
                        .addValue("ids", ids.subList(from, Math.min(ids.size(), from + 500))), rs -> {
                            Row r = new Row(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                                    rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class),
                                    rs.getBoolean(7), rs.getObject(8, OffsetDateTime.class), rs.getLong(9));
                            books.get(rs.getLong(10)).put(r.questionId, r);
                        });
            }
        }
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        graded.forEach((memberId, answers) -> {
            Map<String, Row> book = books.get(memberId);
            for (TestAnswer a : answers) {
                Row r = book.get(a.questionId());
                if (a.outcome() == Grade.Outcome.CORRECT) {
                    if (r == null) {
                        continue;
                    }
                    r.touched = true;
                    r.lastAnsweredAt = now;
                    if (r.inBook && ++r.consecutiveCorrect >= WrongAnswer.TO_MASTER) {
                        r.inBook = false;
                        r.masteredAt = now;
                    }
                } else {
                    if (r == null) {
                        r = new Row(null, a.questionId(), 0, 0, now, now, true, null, 0);
                        book.put(a.questionId(), r);
                    }
                    r.touched = true;
                    r.timesWrong++;
                    r.consecutiveCorrect = 0;
                    r.lastWrongAt = now;
                    r.lastAnsweredAt = now;
                    r.inBook = true;
                    r.masteredAt = null;
                }
            }
            for (Row r : book.values()) {
                if (!r.touched) {
                    continue;
                }
                if (r.id == null) {
                    inserts.add(new Object[]{memberId, r.questionId, r.timesWrong, r.consecutiveCorrect,
                            r.firstWrongAt, r.lastWrongAt, r.lastAnsweredAt, r.inBook, r.masteredAt});
                } else {
                    updates.add(new Object[]{r.timesWrong, r.consecutiveCorrect, r.lastWrongAt, r.lastAnsweredAt,
                            r.inBook, r.masteredAt, r.id, r.version});
                }
            }
        });
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO quiz_wrong_answer (member_id, question_id, times_wrong, consecutive_correct, "
                    + "first_wrong_at, last_wrong_at, last_answered_at, in_book, mastered_at, version) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", inserts);
        }
        if (!updates.isEmpty()) {
            int[] n = jdbc.batchUpdate("UPDATE quiz_wrong_answer SET times_wrong = ?, consecutive_correct = ?, "
                    + "last_wrong_at = ?, last_answered_at = ?, in_book = ?, mastered_at = ?, version = version + 1 "
                    + "WHERE id = ? AND version = ?", updates);
            for (int i = 0; i < n.length; i++) {
                if (n[i] != 1) {
                    throw new OptimisticLockingFailureException("wrong-answer row " + updates.get(i)[6]
                            + " changed meanwhile");
                }
            }
        }
    }

    /** A row of the book while a batch works on it (times as instant-column values, see DbInstants). */
    private static final class Row {
        final Long id;
        final String questionId;
        int timesWrong;
        int consecutiveCorrect;
        final OffsetDateTime firstWrongAt;
        OffsetDateTime lastWrongAt;
        OffsetDateTime lastAnsweredAt;
        boolean inBook;
        OffsetDateTime masteredAt;
        final long version;
        boolean touched;

        Row(Long id, String questionId, int timesWrong, int consecutiveCorrect, OffsetDateTime firstWrongAt,
            OffsetDateTime lastWrongAt, boolean inBook, OffsetDateTime masteredAt, long version) {
            this.id = id;
            this.questionId = questionId;
            this.timesWrong = timesWrong;
            this.consecutiveCorrect = consecutiveCorrect;
            this.firstWrongAt = firstWrongAt;
            this.lastWrongAt = lastWrongAt;
            this.inBook = inBook;
            this.masteredAt = masteredAt;
            this.version = version;
        }
    }

    /** The questions in the person's book that are in use, the most recently missed first. */
    @Transactional(readOnly = true)
    public List<WrongAnswer> book(long memberId) {
        return rows.book(memberId);
    }

    @Transactional(readOnly = true)
    public java.util.Optional<WrongAnswer> entry(long memberId, String questionId) {
        return rows.findByMemberIdAndQuestionId(memberId, questionId);
    }
}
