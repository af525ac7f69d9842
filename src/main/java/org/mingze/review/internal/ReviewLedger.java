package org.mingze.review.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mingze.base.i18n.Formats;
import org.mingze.base.ledger.LedgerEntry;
import org.mingze.base.ledger.LedgerProvider;
import org.mingze.base.ledger.LedgerSection;
import org.mingze.base.ledger.LedgerYear;
import org.mingze.review.CandidateState;
import org.mingze.review.ReviewType;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The review module's part of the ledger (考核台帐): each appointment review the member was a candidate in (batch
 * and type, current and proposed post, the first test and the re-sit with score and day, the make-up study, the
 * outcome, an exemption's or extension's reason), on the day it was decided (else the last test, else the deadline);
 * and each deadline reminder ({@code ReviewReminders}) with how it was closed: the test or re-sit taken (and when),
 * or what the outcome became. The reminder line has the notice's day and title, so the ledger merges the two.
 */
@Component
class ReviewLedger implements LedgerProvider {

    /** The title {@code ReviewReminders} gives its notices, before the batch name. */
    static final String REMINDER_TITLE = "考核提醒：";

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Clock clock;

    ReviewLedger(JdbcClient jdbc, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
    }

    private record Row(long id, String batch, ReviewType type, String currentPost, String proposedPost,
                       CandidateState state, LocalDate deadline, BigDecimal firstScore, BigDecimal firstMax,
                       LocalDate firstOn, BigDecimal resitScore, BigDecimal resitMax, LocalDate resitOn,
                       boolean makeupDone, String reason, LocalDate decidedOn, String kind, LocalDate sentOn) {

        LocalDate day() {
            return decidedOn != null ? decidedOn : resitOn != null ? resitOn : firstOn != null ? firstOn : deadline;
        }
    }

    private static final String SELECT = "SELECT c.id, b.name, b.review_type, c.current_post, c.proposed_post,"
            + " c.state, c.deadline, c.first_score, c.first_max, c.first_on, c.resit_score, c.resit_max, c.resit_on,"
            + " c.makeup_done_at, c.reason, c.decided_at";

    @Override
    public List<LedgerEntry> ledgerEntries(long memberId, int year, Locale locale) {
        LedgerYear y = new LedgerYear(year, clock.getZone());
        List<LedgerEntry> out = new ArrayList<>();
        for (Row r : jdbc.sql(SELECT + ", NULL AS kind, NULL AS sent_at FROM review_candidate c"
                        + " JOIN review_batch b ON b.id = c.batch_id WHERE c.member_id = ?")
                .param(memberId).query((rs, i) -> row(rs, y)).list()) {
            if (r.day().getYear() == year) {
                out.add(new LedgerEntry(LedgerSection.REVIEW, r.day(),
                        r.batch() + "（" + t(r.type().labelKey(), locale) + "）", detail(r, locale),
                        t(r.state().labelKey(), locale), "review/sheet/" + r.id()));
            }
        }
        for (Row r : jdbc.sql(SELECT + ", m.kind, m.sent_at FROM review_reminder m"
                        + " JOIN review_candidate c ON c.id = m.candidate_id JOIN review_batch b ON b.id = c.batch_id"
                        + " WHERE c.member_id = ? AND m.sent_at >= ? AND m.sent_at < ?")
                .params(memberId, y.fromParam(), y.toParam()).query((rs, i) -> row(rs, y)).list()) {
            out.add(new LedgerEntry(LedgerSection.REMINDER, r.sentOn(), REMINDER_TITLE + r.batch(),
                    t(r.kind().startsWith("R") ? "ledger.review.reminder.resit" : "ledger.review.reminder.test",
                            locale), closed(r, locale), "review/sheet/" + r.id()));
        }
        return out;
    }

    @Override
    public Set<Integer> ledgerYears(long memberId) {
        Set<Integer> years = new HashSet<>();
        jdbc.sql("SELECT MIN(c.deadline) AS a, MAX(COALESCE(c.resit_closes, c.deadline)) AS b FROM review_candidate c"
                + " WHERE c.member_id = ?").param(memberId).query(rs -> {
                    Date a = rs.getDate("a");
                    Date b = rs.getDate("b");
                    years.addAll(LedgerYear.between(a == null ? null : a.toLocalDate(),
                            b == null ? null : b.toLocalDate()));
                });
        return years;
    }

    /** How a reminder was closed: the test (or re-sit) taken and when, else what the outcome became. */
    private String closed(Row r, Locale l) {
        boolean resit = r.kind().startsWith("R");
        LocalDate taken = resit ? r.resitOn() : r.firstOn();
        if (taken != null) {
            return t(resit ? "ledger.review.closed.resit" : "ledger.review.closed.test", l, Formats.date(taken, l));
        }
        if (r.state() == CandidateState.PENDING || r.state() == CandidateState.DEFERRED) {
            return t("ledger.review.closed.open", l);
        }
        return t(r.state().labelKey(), l);
    }

    private String detail(Row r, Locale l) {
        List<String> parts = new ArrayList<>();
        parts.add(t("ledger.review.posts", l, r.currentPost() == null ? "-" : r.currentPost(), r.proposedPost()));
        if (r.firstOn() != null) {
            parts.add(t("ledger.review.first", l, plain(r.firstScore()), plain(r.firstMax()),
                    Formats.date(r.firstOn(), l)));
        }
        if (r.makeupDone()) {
            parts.add(t("ledger.review.makeup", l));
        }
        if (r.resitOn() != null) {
            parts.add(t("ledger.review.resit", l, plain(r.resitScore()), plain(r.resitMax()),
                    Formats.date(r.resitOn(), l)));
        }
        if (r.reason() != null && !r.reason().isBlank()) {
            parts.add(t(r.state() == CandidateState.EXEMPTED ? "ledger.review.exempt" : "ledger.review.extend", l,
                    r.reason()));
        }
        return String.join("；", parts);
    }

    private static Row row(ResultSet rs, LedgerYear y) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("name"), ReviewType.valueOf(rs.getString("review_type")),
                rs.getString("current_post"), rs.getString("proposed_post"),
                CandidateState.valueOf(rs.getString("state")), day(rs.getDate("deadline")),
                rs.getBigDecimal("first_score"), rs.getBigDecimal("first_max"), day(rs.getDate("first_on")),
                rs.getBigDecimal("resit_score"), rs.getBigDecimal("resit_max"), day(rs.getDate("resit_on")),
                rs.getObject("makeup_done_at") != null, rs.getString("reason"),
                y.day(rs, "decided_at"), rs.getString("kind"), y.day(rs, "sent_at"));
    }

    private static LocalDate day(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static String plain(BigDecimal d) {
        return d == null ? "-" : d.stripTrailingZeros().toPlainString();
    }

    private String t(String key, Locale l, Object... args) {
        return messages.getMessage(key, args, l);
    }
}
