package org.mingze.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A candidate of a batch with scores and dates. Scores are null until graded; {@code makeupTags} are the tags
 * answered wrong in the first attempt (the make-up study); {@code reason} is the last exception's reason.
 */
public record CandidateRow(long id, long batchId, String batchName, long memberId, String name, String employeeNo,
                           String unitName, String currentPost, String proposedPost, CandidateState state,
                           LocalDate deadline, BigDecimal firstScore, BigDecimal firstMax, LocalDate firstOn,
                           LocalDate resitOpens, LocalDate resitCloses, List<String> makeupTags, boolean makeupDone,
                           boolean resitGranted, BigDecimal resitScore, BigDecimal resitMax, LocalDate resitOn,
                           String reason, Long examId) {
}
