package org.mingze.quiz.exam.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mingze.base.ledger.LedgerEntry;
import org.mingze.base.ledger.LedgerProvider;
import org.mingze.base.ledger.LedgerSection;
import org.mingze.base.ledger.LedgerYear;
import org.mingze.base.time.DbInstants;
import org.mingze.quiz.exam.AttemptStatus;
import org.mingze.quiz.exam.ExamPurpose;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The exam engine's part of the ledger (考核台帐): every attempt the member started in the year, with the test's
 * title and purpose, the attempt number, the score out of the maximum and the pass mark, and the outcome (合格 /
 * 不合格 / 待阅卷 / 进行中). A score that the test shows its learner only after it closes stays hidden on the ledger
 * until then (the ledger does not know who reads it). Links to the learner's result page.
 */
@Component
class ExamLedger implements LedgerProvider {

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Clock clock;

    ExamLedger(JdbcClient jdbc, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public List<LedgerEntry> ledgerEntries(long memberId, int year, Locale locale) {
        LedgerYear y = new LedgerYear(year, clock.getZone());
        Instant now = clock.instant();
        return jdbc.sql("SELECT a.id, a.attempt_no, a.status, a.started_at, a.closed_at, a.max_points, a.score,"
                        + " a.passed, e.title, e.purpose, e.pass_percent, e.closes_at, e.review_after_close"
                        + " FROM quiz_attempt a JOIN quiz_exam e ON e.id = a.exam_id"
                        + " WHERE a.member_id = ? AND a.started_at >= ? AND a.started_at < ?")
                .params(memberId, y.fromParam(), y.toParam())
                .query((rs, i) -> {
                    AttemptStatus status = AttemptStatus.valueOf(rs.getString("status"));
                    Instant closed = DbInstants.get(rs, "closed_at");
                    Instant day = closed == null ? DbInstants.get(rs, "started_at") : closed;
                    boolean hidden = rs.getBoolean("review_after_close")
                            && DbInstants.get(rs, "closes_at").isAfter(now);
                    BigDecimal score = rs.getBigDecimal("score");
                    String purpose = t(ExamPurpose.valueOf(rs.getString("purpose")).labelKey(), locale);
                    String detail;
                    if (status == AttemptStatus.GRADED && score != null && !hidden) {
                        detail = t("ledger.test.detail", locale, purpose, rs.getInt("attempt_no"), plain(score),
                                plain(rs.getBigDecimal("max_points")), rs.getInt("pass_percent"));
                    } else {
                        detail = t("ledger.test.detail-noscore", locale, purpose, rs.getInt("attempt_no"),
                                rs.getInt("pass_percent"));
                    }
                    String outcome;
                    if (status == AttemptStatus.IN_PROGRESS) {
                        outcome = t("ledger.test.in-progress", locale);
                    } else if (status == AttemptStatus.AWAITING_MANUAL) {
                        outcome = t("ledger.test.awaiting", locale);
                    } else if (hidden) {
                        outcome = t("ledger.test.hidden", locale);
                    } else {
                        outcome = t(rs.getBoolean("passed") ? "ledger.test.passed" : "ledger.test.failed", locale);
                    }
                    return new LedgerEntry(LedgerSection.TEST, y.day(day), rs.getString("title"), detail, outcome,
                            "exams/result/" + rs.getLong("id"));
                }).list();
    }

    @Override
    public Set<Integer> ledgerYears(long memberId) {
        Set<Integer> years = new HashSet<>();
        jdbc.sql("SELECT MIN(started_at) AS a, MAX(started_at) AS b FROM quiz_attempt WHERE member_id = ?")
                .param(memberId).query(rs -> {
                    years.addAll(LedgerYear.between(rs, "a", "b", clock.getZone()));
                });
        return years;
    }

    private static String plain(BigDecimal d) {
        return d == null ? "-" : d.stripTrailingZeros().toPlainString();
    }

    private String t(String key, Locale l, Object... args) {
        return messages.getMessage(key, args, l);
    }
}
