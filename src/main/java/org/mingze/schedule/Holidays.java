package org.mingze.schedule;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;

/**
 * The national holidays that fall on the same calendar days every year (元旦 1 January, 劳动节 1-5 May, 国庆节 1-7
 * October), so that a generated series can warn about a theme day on a holiday. The lunar holidays (春节, 清明, 端午,
 * 中秋) and the working weekends the State Council moves each year are not known here; the warning is a help, not
 * a rule, and the organiser decides.
 */
public final class Holidays {

    /** The message key of each fixed holiday (schedule.holiday.*). */
    public enum Fixed {
        NEW_YEAR(MonthDay.of(1, 1), MonthDay.of(1, 1)),
        LABOUR_DAY(MonthDay.of(5, 1), MonthDay.of(5, 5)),
        NATIONAL_DAY(MonthDay.of(10, 1), MonthDay.of(10, 7));

        private final MonthDay first;
        private final MonthDay last;

        Fixed(MonthDay first, MonthDay last) {
            this.first = first;
            this.last = last;
        }

        public String labelKey() {
            return "schedule.holiday." + name();
        }
    }

    private Holidays() {
    }

    /** The fixed holiday that {@code day} falls in, if any. */
    public static Optional<Fixed> fixed(LocalDate day) {
        MonthDay md = MonthDay.from(day);
        for (Fixed f : Fixed.values()) {
            if (!md.isBefore(f.first) && !md.isAfter(f.last)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
