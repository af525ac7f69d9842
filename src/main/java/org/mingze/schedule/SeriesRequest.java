package org.mingze.schedule;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * A series of sessions made from a recurrence, e.g. next year's theme days on 每月第一个星期五 14:30, with the topic
 * and reading of each month copied from an annual study plan (年度学习计划) and edited.
 *
 * @param topic         the topic of months that the plan leaves out
 * @param monthlyTopics topic per month (1..12), may be empty
 * @param monthlyMaterials assigned reading per month (1..12), may be empty
 */
public record SeriesRequest(long unitId, SessionType type, Recurrence recurrence, LocalDate from, LocalDate to,
                            LocalTime time, int durationMinutes, String place, String host, String topic,
                            Map<Integer, String> monthlyTopics, Map<Integer, List<String>> monthlyMaterials) {

    public SeriesRequest {
        monthlyTopics = monthlyTopics == null ? Map.of() : Map.copyOf(monthlyTopics);
        monthlyMaterials = monthlyMaterials == null ? Map.of() : Map.copyOf(monthlyMaterials);
    }
}
