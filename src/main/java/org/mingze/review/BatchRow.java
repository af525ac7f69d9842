package org.mingze.review;

import java.time.LocalDate;
import java.util.Map;

/** A review batch as lists and its page show it, with how many candidates stand where. */
public record BatchRow(long id, ReviewType type, String name, long unitId, String unitName, LocalDate deadline,
                       int passPercent, int resitDelayDays, int resitWindowDays, Long examId, String createdBy,
                       int candidates, Map<CandidateState, Integer> byState) {
}
