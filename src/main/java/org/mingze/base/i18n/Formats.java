package org.mingze.base.i18n;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.mingze.base.time.BureauZone;

/** Dates as people read them: 2026年11月28日 in Chinese, 28 Nov 2026 in English. */
public final class Formats {

    private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINESE);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter ZH_DATETIME =
            DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.CHINESE);
    private static final DateTimeFormatter EN_DATETIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm",
            Locale.ENGLISH);

    private Formats() {
    }

    public static String date(LocalDate date, Locale locale) {
        if (date == null) {
            return "";
        }
        return (isEnglish(locale) ? EN_DATE : ZH_DATE).format(date);
    }

    public static String dateTime(Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        LocalDateTime t = LocalDateTime.ofInstant(instant, BureauZone.get());
        return (isEnglish(locale) ? EN_DATETIME : ZH_DATETIME).format(t);
    }

    private static final DateTimeFormatter ZH_SLOT = DateTimeFormatter.ofPattern("yyyy年M月d日（EEEE）HH:mm",
            Locale.CHINESE);
    private static final DateTimeFormatter EN_SLOT = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm",
            Locale.ENGLISH);

    /** A local date and time with the weekday, as a notice gives it: 2027年1月1日（星期五）14:30. */
    public static String dateTime(LocalDateTime t, Locale locale) {
        if (t == null) {
            return "";
        }
        return (isEnglish(locale) ? EN_SLOT : ZH_SLOT).format(t);
    }

    private static boolean isEnglish(Locale locale) {
        return Languages.supported(locale).equals(Languages.ENGLISH);
    }
}
