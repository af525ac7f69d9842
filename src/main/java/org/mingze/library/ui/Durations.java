package org.mingze.library.ui;

import com.vaadin.flow.component.Component;
import java.time.YearMonth;

/** 学时 as people read it: "3小时5分钟", "12分钟"; months as "2026年11月". */
final class Durations {

    private Durations() {
    }

    static String format(long seconds, Component c) {
        if (seconds > 0 && seconds < 60) {
            return c.getTranslation("library.duration.under-1m");
        }
        long minutes = Math.max(0, seconds) / 60;
        long hours = minutes / 60;
        return hours > 0 ? c.getTranslation("library.duration.hm", String.valueOf(hours), String.valueOf(minutes % 60))
                : c.getTranslation("library.duration.m", String.valueOf(minutes));
    }

    static String month(YearMonth month, Component c) {
        return c.getTranslation("library.month", String.valueOf(month.getYear()),
                String.valueOf(month.getMonthValue()));
    }
}
