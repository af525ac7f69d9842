package org.mingze.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HolidaysTest {

    @Test
    void new_year_labour_day_week_and_national_day_week_are_holidays_and_their_edges_are_exact() {
        assertThat(Holidays.fixed(LocalDate.of(2027, 1, 1))).contains(Holidays.Fixed.NEW_YEAR);
        assertThat(Holidays.fixed(LocalDate.of(2027, 1, 2))).isEmpty();
        assertThat(Holidays.fixed(LocalDate.of(2027, 4, 30))).isEmpty();
        assertThat(Holidays.fixed(LocalDate.of(2027, 5, 1))).contains(Holidays.Fixed.LABOUR_DAY);
        assertThat(Holidays.fixed(LocalDate.of(2027, 5, 5))).contains(Holidays.Fixed.LABOUR_DAY);
        assertThat(Holidays.fixed(LocalDate.of(2027, 5, 6))).isEmpty();
        assertThat(Holidays.fixed(LocalDate.of(2027, 9, 30))).isEmpty();
        assertThat(Holidays.fixed(LocalDate.of(2027, 10, 1))).contains(Holidays.Fixed.NATIONAL_DAY);
        assertThat(Holidays.fixed(LocalDate.of(2027, 10, 7))).contains(Holidays.Fixed.NATIONAL_DAY);
        assertThat(Holidays.fixed(LocalDate.of(2027, 10, 8))).isEmpty();
    }

    @Test
    void the_first_fridays_of_2027_put_two_theme_days_on_holidays_new_year_and_national_day() {
        var dates = Recurrence.monthlyNth(1, java.time.DayOfWeek.FRIDAY)
                .between(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31)).dates();
        assertThat(dates).hasSize(12);
        assertThat(dates.stream().filter(d -> Holidays.fixed(d).isPresent()))
                .containsExactly(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 10, 1));
    }
}
