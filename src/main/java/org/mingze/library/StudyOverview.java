package org.mingze.library;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** One person's study: total time, time per month (newest first) and per material (most recent first). */
public record StudyOverview(long memberId, String name, long totalSeconds, List<MonthTotal> months,
                            List<MaterialStudy> materials) {

    public record MonthTotal(YearMonth month, long seconds) {
    }

    /**
     * @param title       the material's title, or its id when it is no longer loaded
     * @param studiedHow  null unless marked studied; QUIZ wins over READ
     */
    public record MaterialStudy(String materialId, String title, long seconds, LocalDate lastDay,
                                StudyHow studiedHow, Instant studiedAt) {
    }
}
