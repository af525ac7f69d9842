package org.mingze.duty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * A reporting leader of a session with the results: live Q&A (questions drawn, points awarded of the maximum),
 * written test (null until graded) and the appraisal: {@code voters} so far, the {@code tally} only once voting is
 * closed (empty before, so that nobody can watch the counts move while one person votes).
 */
public record ReporterRow(long id, long sessionId, long memberId, String name, String post, int position, int drawn,
                          BigDecimal qaScore, BigDecimal qaMax, BigDecimal testScore, BigDecimal testMax,
                          LocalDate testOn, int voters, Map<Rating, Integer> tally) {
}
