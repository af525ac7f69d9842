package org.mingze.quiz.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import org.mingze.base.ledger.LedgerEntry;
import org.mingze.base.ledger.LedgerProvider;
import org.mingze.base.ledger.LedgerSection;
import org.mingze.base.ledger.LedgerYear;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Practice (练习) on the ledger. Practice rounds themselves are not stored (decision 0010: they live in memory and
 * count for nothing), so the ledger shows what the wrong-answer book (错题本) keeps: per month, the questions that
 * entered the book (first answered wrong) and those mastered (left it after two correct answers in a row). Practice
 * answered without a mistake leaves no trace and is not on the ledger.
 */
@Component
class PracticeLedger implements LedgerProvider {

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Clock clock;

    PracticeLedger(JdbcClient jdbc, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
    }

    /** Per month: questions newly wrong, questions mastered, and the last day with either. */
    private static final class Month {
        int wrong;
        int mastered;
        LocalDate last;

        void at(LocalDate day) {
            last = last == null || day.isAfter(last) ? day : last;
        }
    }

    @Override
    public List<LedgerEntry> ledgerEntries(long memberId, int year, Locale locale) {
        LedgerYear y = new LedgerYear(year, clock.getZone());
        TreeMap<YearMonth, Month> months = new TreeMap<>();
        jdbc.sql("SELECT first_wrong_at, mastered_at FROM quiz_wrong_answer WHERE member_id = ? AND"
                        + " (first_wrong_at >= ? AND first_wrong_at < ? OR mastered_at >= ? AND mastered_at < ?)")
                .params(memberId, y.fromParam(), y.toParam(), y.fromParam(), y.toParam())
                .query(rs -> {
                    LocalDate wrong = y.day(rs, "first_wrong_at");
                    if (wrong.getYear() == year) {
                        Month m = months.computeIfAbsent(YearMonth.from(wrong), k -> new Month());
                        m.wrong++;
                        m.at(wrong);
                    }
                    LocalDate mastered = y.day(rs, "mastered_at");
                    if (mastered != null && mastered.getYear() == year) {
                        Month m = months.computeIfAbsent(YearMonth.from(mastered), k -> new Month());
                        m.mastered++;
                        m.at(mastered);
                    }
                });
        List<LedgerEntry> out = new ArrayList<>();
        months.forEach((ym, m) -> out.add(new LedgerEntry(LedgerSection.PRACTICE, m.last,
                messages.getMessage("ledger.practice.title", new Object[]{ym.getMonthValue()}, locale),
                messages.getMessage("ledger.practice.detail", new Object[]{m.wrong, m.mastered}, locale), null,
                "practice/wrong")));
        return out;
    }

    @Override
    public Set<Integer> ledgerYears(long memberId) {
        Set<Integer> years = new HashSet<>();
        jdbc.sql("SELECT MIN(first_wrong_at) AS a, MAX(last_answered_at) AS b FROM quiz_wrong_answer"
                + " WHERE member_id = ?").param(memberId).query(rs -> {
                    years.addAll(LedgerYear.between(rs, "a", "b", clock.getZone()));
                });
        return years;
    }
}
