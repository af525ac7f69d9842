package org.mingze.duty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A duty-report session as lists and pages show it. {@code voteCode} is set only while voting is open. */
public record SessionRow(long id, String name, int year, long unitId, String unitName, LocalDate meetingDay,
                         List<String> banks, List<String> tags, int perReporter, BigDecimal points, int timerSeconds,
                         Long examId, Long currentReporterId, boolean qaFinished, Voting voting, String voteCode,
                         int reporters) {
}
