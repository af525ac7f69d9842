package org.mingze.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.mingze.quiz.exam.TagScore;

/**
 * What a candidate's result sheet says, with its verification code (16 base32 characters, 80 random bits; shown
 * grouped by {@link #groupedCode()}). Score, max and date are those of the attempt that decided (the re-sit when
 * there was one); null before any attempt.
 */
public record ResultSheet(long candidateId, String name, String unitName, String currentPost, String proposedPost,
                          ReviewType type, String batchName, String testTitle, LocalDate date, BigDecimal score,
                          BigDecimal max, int passPercent, CandidateState outcome, boolean resit, String reason,
                          List<TagScore> tags, String code, Instant issuedAt) {
    public ResultSheet {
        tags = List.copyOf(tags);
    }

    public String groupedCode() {
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8, 12) + "-"
                + code.substring(12, 16);
    }
}
