package org.mingze.schedule;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * How often a unit must hold a kind of session: at least {@code minimum} per {@code period}. The defaults follow the
 * usual 三会一课 cadence: 支部党员大会 quarterly, 支委会 monthly, 党小组会 monthly, 党课 quarterly, 主题党日 monthly.
 */
public record CadenceRule(SessionType type, Period period, int minimum) {

    public enum Period {
        MONTH(1), QUARTER(3), YEAR(12);

        private final int months;

        Period(int months) {
            this.months = months;
        }

        /** The first day of the period that contains {@code day}. */
        public LocalDate start(LocalDate day) {
            int m0 = (day.getMonthValue() - 1) / months * months;
            return LocalDate.of(day.getYear(), m0 + 1, 1);
        }

        /** The last day of the period that starts on {@code start}. */
        public LocalDate end(LocalDate start) {
            return start.plusMonths(months).minusDays(1);
        }
    }

    public CadenceRule {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(period, "period");
        if (minimum < 1) {
            throw new IllegalArgumentException("minimum must be at least 1");
        }
    }

    public static List<CadenceRule> defaults() {
        return List.of(
                new CadenceRule(SessionType.GENERAL_MEETING, Period.QUARTER, 1),
                new CadenceRule(SessionType.COMMITTEE_MEETING, Period.MONTH, 1),
                new CadenceRule(SessionType.GROUP_MEETING, Period.MONTH, 1),
                new CadenceRule(SessionType.PARTY_LECTURE, Period.QUARTER, 1),
                new CadenceRule(SessionType.THEME_DAY, Period.MONTH, 1));
    }
}
