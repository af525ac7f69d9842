package org.mingze.duty;

import java.time.LocalDate;
import java.util.List;

/**
 * What an organiser gives to create a duty-report session.
 *
 * @param reporterIds  the reporting leaders (members of the unit or below), in the order they report
 * @param banks        the question banks to draw from (empty: all)
 * @param tags         only questions with one of these tags (empty: any)
 * @param perReporter  K, questions per reporter in the live Q&A (1-10, default 3)
 * @param points       points per question (1-100)
 * @param timerSeconds the optional timer per question (0: none; else 10-1800)
 * @param writtenTest  also publish a written test (purpose DUTY_REPORT) for the reporters until the meeting day
 */
public record SessionDraft(String name, int year, long unitId, LocalDate meetingDay, List<Long> reporterIds,
                           List<String> banks, List<String> tags, int perReporter, int points, int timerSeconds,
                           boolean writtenTest) {

    public static final int DEFAULT_PER_REPORTER = 3;

    public SessionDraft {
        reporterIds = reporterIds == null ? List.of() : List.copyOf(reporterIds);
        banks = banks == null ? List.of() : banks.stream().filter(b -> b != null && !b.isBlank()).map(String::strip)
                .distinct().toList();
        tags = tags == null ? List.of() : tags.stream().filter(b -> b != null && !b.isBlank()).map(String::strip)
                .distinct().toList();
    }
}
