package org.mingze.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void chinese_dates_read_year_month_day_with_characters() {
        assertThat(Formats.date(LocalDate.of(2026, 11, 28), Locale.SIMPLIFIED_CHINESE)).isEqualTo("2026年11月28日");
        assertThat(Formats.date(LocalDate.of(2027, 1, 5), Locale.CHINESE)).isEqualTo("2027年1月5日");
    }

    @Test
    void english_dates_read_day_month_year() {
        assertThat(Formats.date(LocalDate.of(2026, 11, 28), Locale.ENGLISH)).isEqualTo("28 Nov 2026");
    }

    @Test
    void any_other_language_falls_back_to_chinese() {
        assertThat(Formats.date(LocalDate.of(2026, 11, 28), Locale.GERMAN)).isEqualTo("2026年11月28日");
    }
}
