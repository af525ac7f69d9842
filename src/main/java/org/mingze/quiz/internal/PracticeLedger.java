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
 * Practice (练习) on the ledger, per month: the practice answers of the month and how many of them were right (the
 * daily tally {@code quiz_practice_day}, decision 0010), and what the wrong-answer book (错题本) kept: the questions
 * that entered it (first answered wrong, in practice, a study check or a test) and those mastered (left it after two
 * correct answers in a row). Practice rounds themselves live in memory and are not listed one by one.
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

    /** Per month: practice answers and right ones, questions newly wrong, questions mastered, the last day of any. */
    private static final class Month {
        int answered;
        int correct;
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
        jdbc.sql("SELECT practice_day, answered, correct FROM quiz_practice_day"
                        + " WHERE member_id = ? AND practice_day >= ? AND practice_day <= ?")
                .params(memberId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .query(rs -> {
                    LocalDate day = rs.getObject("practice_day", LocalDate.class);
                    Month m = months.computeIfAbsent(YearMonth.from(day), k -> new Month());
                    m.answered += rs.getInt("answered");
                    m.correct += rs.getInt("correct");
                    m.at(day);
                });
        List<LedgerEntry> out = new ArrayList<>();
        months.forEach((ym, m) -> {
            List<String> parts = new ArrayList<>();
            if (m.answered > 0) {
                parts.add(messages.getMessage("ledger.practice.answers", new Object[]{m.answered, m.correct,
                        Math.round(100.0 * m.correct / m.answered)}, locale));
            }
            if (m.wrong > 0 || m.mastered > 0) {
                parts.add(messages.getMessage("ledger.practice.detail", new Object[]{m.wrong, m.mastered}, locale));
            }
            out.add(new LedgerEntry(LedgerSection.PRACTICE, m.last,
                    messages.getMessage("ledger.practice.title", new Object[]{ym.getMonthValue()}, locale),
                    String.join(messages.getMessage("ledger.practice.separator", null, locale), parts), null,
                    m.wrong > 0 || m.mastered > 0 ? "practice/wrong" : "practice"));
        });
        return out;
    }

    @Override
    public Set<Integer> ledgerYears(long memberId) {
        Set<Integer> years = new HashSet<>();
        jdbc.sql("SELECT MIN(first_wrong_at) AS a, MAX(last_answered_at) AS b FROM quiz_wrong_answer"
                + " WHERE member_id = ?").param(memberId).query(rs -> {
                    years.addAll(LedgerYear.between(rs, "a", "b", clock.getZone()));
                });
        jdbc.sql("SELECT MIN(practice_day) AS a, MAX(practice_day) AS b FROM quiz_practice_day WHERE member_id = ?")
                .param(memberId)
                .query(rs -> {
                    years.addAll(LedgerYear.between(rs.getObject("a", LocalDate.class),
                            rs.getObject("b", LocalDate.class)));
                });
        return years;
    }
}
