package org.mingze.schedule.internal;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
import org.mingze.schedule.AttendanceStatus;
import org.mingze.schedule.LeaveDecision;
import org.mingze.schedule.SessionStatus;
import org.mingze.schedule.SessionType;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The schedule's part of the ledger (考核台帐, the seam of issue 7): for every session of the year that the member
 * was expected at (cancelled ones left out), the attendance (出席 / 迟到 / 请假 / 缺席, or 待签到 before it is
 * held), the leave request with its reason and decision, and the make-up study (补学) with its due day and whether
 * and when it was completed. And the reminders: 3 days and 1 day before a session (closed by attending, or by the
 * leave or absence recorded), an overdue make-up (closed when it is done), and the escalations of an overdue make-up
 * to the branch secretary and the committee (notices to them, listed here because they concern this member).
 */
@Component
class ScheduleLedger implements LedgerProvider {

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Clock clock;

    ScheduleLedger(JdbcClient jdbc, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
    }

    private record Row(long sessionId, SessionType type, String topic, LocalDateTime startsAt, SessionStatus status,
                       AttendanceStatus attendance, String reason, LeaveDecision decision, String comment,
                       String cause, LocalDate dueOn, LocalDate doneOn, String kind, LocalDate sentOn) {
    }

    private static final String FROM = " FROM schedule_attendee a JOIN schedule_session s ON s.id = a.session_id"
            + " LEFT JOIN schedule_leave l ON l.session_id = a.session_id AND l.member_id = a.member_id"
            + " LEFT JOIN schedule_makeup m ON m.session_id = a.session_id AND m.member_id = a.member_id";

    private static final String SELECT = "SELECT s.id, s.session_type, s.topic, s.starts_at, s.status, a.status AS att,"
            + " l.reason, l.decision, l.comment, m.cause, m.due_on, m.done_at";

    @Override
    public List<LedgerEntry> ledgerEntries(long memberId, int year, Locale locale) {
        LedgerYear y = new LedgerYear(year, clock.getZone());
        List<LedgerEntry> out = new ArrayList<>();
        for (Row r : jdbc.sql(SELECT + ", NULL AS kind, NULL AS sent_at" + FROM
                        + " WHERE a.member_id = ? AND s.status <> 'CANCELLED' AND s.starts_at >= ? AND s.starts_at < ?")
                .params(memberId, y.first().atStartOfDay(), y.next().atStartOfDay())
                .query((rs, i) -> row(rs, y)).list()) {
            out.add(new LedgerEntry(LedgerSection.THEME_DAY, r.startsAt().toLocalDate(),
                    title(r, locale), detail(r, locale), outcome(r, locale),
                    "schedule/session/" + r.sessionId()));
        }
        for (Row r : jdbc.sql(SELECT + ", r.kind, r.sent_at" + FROM + " JOIN schedule_reminder r"
                        + " ON r.session_id = a.session_id AND r.member_id = a.member_id"
                        + " WHERE a.member_id = ? AND r.sent_at >= ? AND r.sent_at < ?")
                .params(memberId, y.fromParam(), y.toParam()).query((rs, i) -> row(rs, y)).list()) {
            out.add(reminder(r, locale));
        }
        return out;
    }

    @Override
    public Set<Integer> ledgerYears(long memberId) {
        Set<Integer> years = new HashSet<>();
        jdbc.sql("SELECT MIN(s.starts_at) AS a, MAX(s.starts_at) AS b FROM schedule_attendee a"
                + " JOIN schedule_session s ON s.id = a.session_id WHERE a.member_id = ? AND s.status <> 'CANCELLED'")
                .param(memberId).query(rs -> {
                    LocalDateTime a = rs.getObject("a", LocalDateTime.class);
                    LocalDateTime b = rs.getObject("b", LocalDateTime.class);
                    years.addAll(LedgerYear.between(a == null ? null : a.toLocalDate(),
                            b == null ? null : b.toLocalDate()));
                });
        return years;
    }

    /** The notices {@code ScheduleReminders} posts have these titles; the lines use them so the ledger merges. */
    private LedgerEntry reminder(Row r, Locale l) {
        String link = "schedule/session/" + r.sessionId();
        return switch (r.kind()) {
            case "D3", "D1" -> new LedgerEntry(LedgerSection.REMINDER, r.sentOn(), "会议提醒：" + r.topic(),
                    t("ledger.schedule.reminder." + r.kind(), l),
                    r.status() == SessionStatus.PLANNED && r.attendance() == AttendanceStatus.EXPECTED
                            ? t("ledger.schedule.closed.open", l) : t(r.attendance().labelKey(), l), link);
            case "M1" -> new LedgerEntry(LedgerSection.REMINDER, r.sentOn(), "补学已逾期：" + r.topic(),
                    t("ledger.schedule.reminder.M1", l), makeupState(r, l), link);
            default -> new LedgerEntry(LedgerSection.REMINDER, r.sentOn(),
                    t("ledger.schedule.reminder." + r.kind(), l, r.topic()), t("ledger.schedule.escalated", l),
                    makeupState(r, l), link);
        };
    }

    private String outcome(Row r, Locale l) {
        boolean unmarked = r.status() == SessionStatus.PLANNED && r.attendance() == AttendanceStatus.EXPECTED;
        String att = !unmarked ? t(r.attendance().labelKey(), l)
                : r.startsAt().isAfter(LocalDateTime.now(clock)) ? t("ledger.schedule.planned", l)
                : t("ledger.schedule.unmarked", l);
        return r.cause() == null ? att : att + " · " + makeupState(r, l);
    }

    private String makeupState(Row r, Locale l) {
        if (r.cause() == null) {
            return t("ledger.schedule.makeup.none", l);
        }
        return r.doneOn() != null ? t("ledger.schedule.makeup.done", l, Formats.date(r.doneOn(), l))
                : t("ledger.schedule.makeup.open", l, Formats.date(r.dueOn(), l));
    }

    private String detail(Row r, Locale l) {
        List<String> parts = new ArrayList<>();
        parts.add(Formats.dateTime(r.startsAt(), l));
        if (r.decision() != null) {
            parts.add(t("ledger.schedule.leave." + r.decision(), l, r.reason())
                    + (r.comment() == null || r.comment().isBlank() ? "" : "（" + r.comment() + "）"));
        }
        if (r.cause() != null) {
            parts.add(t("ledger.schedule.makeup.due", l, Formats.date(r.dueOn(), l)));
        }
        return String.join("；", parts);
    }

    private static Row row(java.sql.ResultSet rs, LedgerYear y) throws java.sql.SQLException {
        String decision = rs.getString("decision");
        Date due = rs.getDate("due_on");
        return new Row(rs.getLong("id"), SessionType.valueOf(rs.getString("session_type")), rs.getString("topic"),
                rs.getObject("starts_at", LocalDateTime.class), SessionStatus.valueOf(rs.getString("status")),
                AttendanceStatus.valueOf(rs.getString("att")), rs.getString("reason"),
                decision == null ? null : LeaveDecision.valueOf(decision), rs.getString("comment"),
                rs.getString("cause"), due == null ? null : due.toLocalDate(), y.day(rs, "done_at"),
                rs.getString("kind"), y.day(rs, "sent_at"));
    }

    private String t(String key, Locale l, Object... args) {
        return messages.getMessage(key, args, l);
    }

    /** 主题党日：topic, but not 主题党日：主题党日：topic when the topic already starts with its type. */
    private String title(Row r, Locale locale) {
        String type = t(r.type().labelKey(), locale);
        return r.topic().startsWith(type) ? r.topic() : type + "：" + r.topic();
    }
}
