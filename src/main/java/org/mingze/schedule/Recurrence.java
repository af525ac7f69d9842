package org.mingze.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A rule that makes dates: 每月第一个星期五, 每月最后一个星期五, 每月15日, 每月最后一天, every month or every few months
 * (每季度 = every 3 months from the first month). A month where the rule has no day (the fifth Friday of a month with
 * four; the 31st of April) is skipped, or moved to the month's last such day, as {@link IfMissing} says; either way the
 * caller learns which months were affected, so the page can say so.
 *
 * @param kind        which day of the month
 * @param ordinal     for {@link Kind#NTH_WEEKDAY}: 1..5, or -1 for the last such weekday
 * @param weekday     for {@link Kind#NTH_WEEKDAY}
 * @param dayOfMonth  for {@link Kind#DAY_OF_MONTH}: 1..31, or -1 for the last day of the month
 * @param everyMonths 1 = monthly, 2 = every other month, 3 = quarterly, 6, 12
 * @param firstMonth  the month (1..12) the cycle starts from; months are counted from it (e.g. quarterly from 1: Jan,
 *                    Apr, Jul, Oct)
 */
public record Recurrence(Kind kind, int ordinal, DayOfWeek weekday, int dayOfMonth, int everyMonths, int firstMonth,
                         IfMissing ifMissing) {

    public enum Kind { NTH_WEEKDAY, DAY_OF_MONTH }

    /** What to do in a month that has no such day. */
    public enum IfMissing {
        /** Leave that month out. */
        SKIP,
        /** Take the last such day of that month instead (the last Friday; the last day of the month). */
        LAST
    }

    public Recurrence {
        Objects.requireNonNull(kind, "kind");
        ifMissing = ifMissing == null ? IfMissing.SKIP : ifMissing;
        if (kind == Kind.NTH_WEEKDAY) {
            Objects.requireNonNull(weekday, "weekday");
            if (ordinal != -1 && (ordinal < 1 || ordinal > 5)) {
                throw new IllegalArgumentException("ordinal must be 1..5 or -1, was " + ordinal);
            }
        } else if (dayOfMonth != -1 && (dayOfMonth < 1 || dayOfMonth > 31)) {
            throw new IllegalArgumentException("dayOfMonth must be 1..31 or -1, was " + dayOfMonth);
        }
        if (everyMonths < 1 || everyMonths > 12 || 12 % everyMonths != 0) {
            throw new IllegalArgumentException("everyMonths must be 1, 2, 3, 4, 6 or 12, was " + everyMonths);
        }
        if (firstMonth < 1 || firstMonth > 12) {
            throw new IllegalArgumentException("firstMonth must be 1..12, was " + firstMonth);
        }
    }

    /** 每月第 n 个星期 x (n = -1: the last one). */
    public static Recurrence monthlyNth(int ordinal, DayOfWeek weekday) {
        return new Recurrence(Kind.NTH_WEEKDAY, ordinal, weekday, 0, 1, 1, IfMissing.SKIP);
    }

    /** 每月 d 日 (d = -1: the last day); a month without that day uses its last day. */
    public static Recurrence monthlyOnDay(int dayOfMonth) {
        return new Recurrence(Kind.DAY_OF_MONTH, 0, null, dayOfMonth, 1, 1, IfMissing.LAST);
    }

    public Recurrence every(int months, int fromMonth) {
        return new Recurrence(kind, ordinal, weekday, dayOfMonth, months, fromMonth, ifMissing);
    }

    public Recurrence ifMissing(IfMissing how) {
        return new Recurrence(kind, ordinal, weekday, dayOfMonth, everyMonths, firstMonth, how);
    }

    /**
     * The dates from {@code from} to {@code to}, both included, in order.
     *
     * @return the dates, the months left out and the months whose date was moved to the last such day
     */
    public Dates between(LocalDate from, LocalDate to) {
        List<LocalDate> dates = new ArrayList<>();
        List<YearMonth> skipped = new ArrayList<>();
        List<YearMonth> moved = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            if (Math.floorMod(m.getMonthValue() - firstMonth, everyMonths) != 0) {
                continue;
            }
            LocalDate day = dayIn(m);
            if (day == null) {
                if (ifMissing == IfMissing.SKIP) {
                    skipped.add(m);
                    continue;
                }
                day = lastIn(m);
                moved.add(m);
            }
            if (!day.isBefore(from) && !day.isAfter(to)) {
                dates.add(day);
            }
        }
        return new Dates(List.copyOf(dates), List.copyOf(skipped), List.copyOf(moved));
    }

    /** The rule's day in that month, or null when the month has none. */
    LocalDate dayIn(YearMonth m) {
        if (kind == Kind.DAY_OF_MONTH) {
            if (dayOfMonth == -1) {
                return m.atEndOfMonth();
            }
            return dayOfMonth <= m.lengthOfMonth() ? m.atDay(dayOfMonth) : null;
        }
        if (ordinal == -1) {
            return m.atEndOfMonth().with(TemporalAdjusters.previousOrSame(weekday));
        }
        LocalDate d = m.atDay(1).with(TemporalAdjusters.dayOfWeekInMonth(ordinal, weekday));
        return YearMonth.from(d).equals(m) ? d : null;
    }

    private LocalDate lastIn(YearMonth m) {
        return kind == Kind.DAY_OF_MONTH ? m.atEndOfMonth()
                : m.atEndOfMonth().with(TemporalAdjusters.previousOrSame(weekday));
    }

    /** What {@link #between} made. */
    public record Dates(List<LocalDate> dates, List<YearMonth> skipped, List<YearMonth> moved) {
    }
}
