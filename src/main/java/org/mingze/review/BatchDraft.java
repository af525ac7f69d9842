package org.mingze.review;

import java.time.LocalDate;
import java.util.List;

/**
 * A new review batch.
 *
 * @param unitId          the unit whose organisers run it (the candidates must be in the creator's scope)
 * @param deadline        last day to take the test (e.g. the end of the 公示期)
 * @param passPercent     pass mark of the test in percent
 * @param resitDelayDays  the re-sit opens this many days after a fail (default 7)
 * @param resitWindowDays ... and closes this many days after the fail (default 30)
 */
public record BatchDraft(ReviewType type, String name, long unitId, LocalDate deadline, int passPercent,
                         int resitDelayDays, int resitWindowDays, List<CandidateDraft> candidates) {
    public BatchDraft {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    public static BatchDraft of(ReviewType type, String name, long unitId, LocalDate deadline,
                                List<CandidateDraft> candidates) {
        return new BatchDraft(type, name, unitId, deadline, 80, 7, 30, candidates);
    }
}
