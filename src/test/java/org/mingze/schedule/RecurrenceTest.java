package org.mingze.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class RecurrenceTest {

    static final LocalDate JAN_1_2027 = LocalDate.of(2027, 1, 1);
    static final LocalDate DEC_31_2027 = LocalDate.of(2027, 12, 31);

    @Test
    void the_first_friday_of_every_month_gives_twelve_theme_days_in_2027() {
        var made = Recurrence.monthlyNth(1, DayOfWeek.FRIDAY).between(JAN_1_2027, DEC_31_2027);

        assertThat(made.dates()).hasSize(12).allMatch(d -> d.getDayOfWeek() == DayOfWeek.FRIDAY && d.getDayOfMonth() <= 7);
        assertThat(made.dates()).startsWith(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 5))
                .endsWith(LocalDate.of(2027, 12, 3));
        assertThat(made.skipped()).isEmpty();
    }

    @Test
    void a_fifth_friday_that_does_not_exist_skips_that_month_and_says_so() {
        var made = Recurrence.monthlyNth(5, DayOfWeek.FRIDAY).between(JAN_1_2027, DEC_31_2027);

        assertThat(made.dates()).containsExactly(LocalDate.of(2027, 1, 29), LocalDate.of(2027, 4, 30),
                LocalDate.of(2027, 7, 30), LocalDate.of(2027, 10, 29), LocalDate.of(2027, 12, 31));
        assertThat(made.skipped()).containsExactly(YearMonth.of(2027, 2), YearMonth.of(2027, 3), YearMonth.of(2027, 5),
                YearMonth.of(2027, 6), YearMonth.of(2027, 8), YearMonth.of(2027, 9), YearMonth.of(2027, 11));
    }

    @Test
    void a_fifth_friday_may_fall_back_to_the_last_friday_of_the_month_instead() {
        var made = Recurrence.monthlyNth(5, DayOfWeek.FRIDAY).ifMissing(Recurrence.IfMissing.LAST)
                .between(JAN_1_2027, LocalDate.of(2027, 3, 31));

        assertThat(made.dates()).containsExactly(LocalDate.of(2027, 1, 29), LocalDate.of(2027, 2, 26),
                LocalDate.of(2027, 3, 26));
        assertThat(made.moved()).containsExactly(YearMonth.of(2027, 2), YearMonth.of(2027, 3));
    }

    @Test
    void the_last_friday_exists_in_every_month() {
        var made = Recurrence.monthlyNth(-1, DayOfWeek.FRIDAY).between(JAN_1_2027, DEC_31_2027);

        assertThat(made.dates()).hasSize(12).contains(LocalDate.of(2027, 2, 26), LocalDate.of(2027, 12, 31))
                .allMatch(d -> d.plusWeeks(1).getMonthValue() != d.getMonthValue());
    }

    @Test
    void the_29th_of_february_exists_only_in_leap_years_and_otherwise_becomes_the_28th() {
        var rule = Recurrence.monthlyOnDay(29);

        assertThat(rule.between(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 28)).dates())
                .containsExactly(LocalDate.of(2027, 2, 28));
        assertThat(rule.between(LocalDate.of(2028, 2, 1), LocalDate.of(2028, 2, 29)).dates())
                .containsExactly(LocalDate.of(2028, 2, 29));
        assertThat(rule.between(LocalDate.of(2100, 2, 1), LocalDate.of(2100, 2, 28)).dates())
                .as("2100 is not a leap year").containsExactly(LocalDate.of(2100, 2, 28));
    }

    @Test
    void the_31st_moves_to_the_month_end_in_short_months_or_is_skipped_when_asked() {
        var moved = Recurrence.monthlyOnDay(31).between(JAN_1_2027, DEC_31_2027);
        assertThat(moved.dates()).hasSize(12).contains(LocalDate.of(2027, 2, 28), LocalDate.of(2027, 4, 30),
                LocalDate.of(2027, 12, 31));
        assertThat(moved.moved()).containsExactly(YearMonth.of(2027, 2), YearMonth.of(2027, 4), YearMonth.of(2027, 6),
                YearMonth.of(2027, 9), YearMonth.of(2027, 11));

        var skipped = Recurrence.monthlyOnDay(31).ifMissing(Recurrence.IfMissing.SKIP).between(JAN_1_2027, DEC_31_2027);
        assertThat(skipped.dates()).hasSize(7).allMatch(d -> d.getDayOfMonth() == 31);
    }

    @Test
    void the_15th_of_each_month_and_the_last_day_of_each_month() {
        assertThat(Recurrence.monthlyOnDay(15).between(JAN_1_2027, DEC_31_2027).dates())
                .hasSize(12).allMatch(d -> d.getDayOfMonth() == 15);
        assertThat(Recurrence.monthlyOnDay(-1).between(LocalDate.of(2028, 1, 1), LocalDate.of(2028, 3, 31)).dates())
                .containsExactly(LocalDate.of(2028, 1, 31), LocalDate.of(2028, 2, 29), LocalDate.of(2028, 3, 31));
    }

    @Test
    void quarterly_from_january_gives_the_first_month_of_each_quarter() {
        var made = Recurrence.monthlyNth(-1, DayOfWeek.THURSDAY).every(3, 1).between(JAN_1_2027, DEC_31_2027);

        assertThat(made.dates()).extracting(LocalDate::getMonthValue).containsExactly(1, 4, 7, 10);
    }

    @Test
    void a_range_that_starts_after_this_months_date_leaves_it_out() {
        var made = Recurrence.monthlyOnDay(15).between(LocalDate.of(2027, 1, 16), LocalDate.of(2027, 3, 14));

        assertThat(made.dates()).containsExactly(LocalDate.of(2027, 2, 15));
    }

    @Test
    void nonsense_rules_are_refused() {
        assertThatThrownBy(() -> Recurrence.monthlyNth(6, DayOfWeek.FRIDAY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Recurrence.monthlyOnDay(32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Recurrence.monthlyOnDay(1).every(5, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
