package org.mingze.library.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.mingze.base.ledger.LedgerEntry;
import org.mingze.base.ledger.LedgerProvider;
import org.mingze.base.ledger.LedgerSection;
import org.mingze.base.ledger.LedgerYear;
import org.mingze.base.ledger.StudyTimeByMonth;
import org.mingze.library.StudyHow;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The library's part of the ledger (考核台帐): per material studied in the year, the minutes credited and whether
 * it was marked studied (by reading or by its study check); every study check passed (学习检测, the first pass of
 * each material: later passes are not recorded, failures only in the audit log); study time by month.
 */
@Component
class StudyLedger implements LedgerProvider, StudyTimeByMonth {

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final MessageSource messages;
    private final Clock clock;

    StudyLedger(JdbcClient jdbc, Catalog catalog, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.messages = messages;
        this.clock = clock;
    }

    private record Time(String materialId, long seconds, LocalDate lastDay) {
    }

    private record Done(String materialId, StudyHow how, LocalDate day) {
    }

    @Override
    public List<LedgerEntry> ledgerEntries(long memberId, int year, Locale locale) {
        LedgerYear y = new LedgerYear(year, clock.getZone());
        List<Time> times = jdbc.sql("SELECT material_id, SUM(seconds) AS s, MAX(study_day) AS d FROM library_study_time"
                        + " WHERE member_id = ? AND study_day >= ? AND study_day < ? GROUP BY material_id")
                .params(memberId, y.first(), y.next())
                .query((rs, i) -> new Time(rs.getString("material_id"), rs.getLong("s"),
                        rs.getDate("d").toLocalDate())).list();
        List<Done> done = jdbc.sql("SELECT material_id, how, completed_at FROM library_study_completion"
                        + " WHERE member_id = ? AND completed_at >= ? AND completed_at < ?")
                .params(memberId, y.fromParam(), y.toParam())
                .query((rs, i) -> new Done(rs.getString("material_id"), StudyHow.valueOf(rs.getString("how")),
                        y.day(rs, "completed_at"))).list();
        Map<String, Time> timeOf = new HashMap<>();
        times.forEach(t -> timeOf.put(t.materialId(), t));
        Map<String, Done> doneOf = new HashMap<>();
        for (Done d : done) {
            // a check passed says more than a reading confirmed
            doneOf.merge(d.materialId(), d, (a, b) -> a.how() == StudyHow.QUIZ ? a : b);
        }
        Set<String> ids = new HashSet<>(timeOf.keySet());
        ids.addAll(doneOf.keySet());
        List<LedgerEntry> out = new ArrayList<>();
        for (String id : ids) {
            Time t = timeOf.get(id);
            Done d = doneOf.get(id);
            LocalDate day = t == null ? d.day() : d == null || t.lastDay().isAfter(d.day()) ? t.lastDay() : d.day();
            String detail = t == null ? null : t("ledger.study.minutes", locale, minutes(t.seconds()));
            String outcome = d == null ? null : t("ledger.study.done." + d.how(), locale);
            out.add(new LedgerEntry(LedgerSection.STUDY, day, title(id), detail, outcome, "library/read/" + id));
        }
        for (Done d : done) {
            if (d.how() == StudyHow.QUIZ) {
                out.add(new LedgerEntry(LedgerSection.STUDY_CHECK, d.day(), title(d.materialId()),
                        t("ledger.check.detail", locale), t("ledger.check.passed", locale),
                        "library/read/" + d.materialId()));
            }
        }
        return out;
    }

    @Override
    public Map<Integer, Long> studySecondsByMonth(long memberId, int year) {
        LedgerYear y = new LedgerYear(year, clock.getZone());
        Map<Integer, Long> months = new TreeMap<>();
        jdbc.sql("SELECT study_day, SUM(seconds) AS s FROM library_study_time WHERE member_id = ? AND study_day >= ?"
                        + " AND study_day < ? GROUP BY study_day")
                .params(memberId, y.first(), y.next())
                .query(rs -> {
                    months.merge(rs.getDate("study_day").toLocalDate().getMonthValue(), rs.getLong("s"), Long::sum);
                });
        return months;
    }

    @Override
    public Set<Integer> ledgerYears(long memberId) {
        Set<Integer> years = new HashSet<>();
        jdbc.sql("SELECT MIN(study_day) AS a, MAX(study_day) AS b FROM library_study_time WHERE member_id = ?")
                .param(memberId).query(rs -> {
                    java.sql.Date a = rs.getDate("a");
                    java.sql.Date b = rs.getDate("b");
                    years.addAll(LedgerYear.between(a == null ? null : a.toLocalDate(),
                            b == null ? null : b.toLocalDate()));
                });
        jdbc.sql("SELECT MIN(completed_at) AS a, MAX(completed_at) AS b FROM library_study_completion"
                + " WHERE member_id = ?").param(memberId).query(rs -> {
                    years.addAll(LedgerYear.between(rs, "a", "b", clock.getZone()));
                });
        return years;
    }

    private static long minutes(long seconds) {
        return Math.round(seconds / 60.0);
    }

    private String title(String id) {
        Material m = catalog.current().byId().get(id);
        return m == null ? id : m.title();
    }

    private String t(String key, Locale l, Object... args) {
        return messages.getMessage(key, args, l);
    }
}
