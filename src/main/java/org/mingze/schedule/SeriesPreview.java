package org.mingze.schedule;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

/** What a series would create, before it is created: each session with its warnings, and the months affected. */
public record SeriesPreview(List<Item> items, List<YearMonth> skipped, List<YearMonth> moved) {

    public record Item(LocalDateTime startsAt, String topic, List<String> materialIds, List<Conflict> conflicts) {
    }
}
