package org.mingze.review;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the public page {@code /verify/{code}} may show about a valid sheet: the name masked (王*华), unit, test,
 * date and outcome. Nothing else leaves the server without a login.
 */
public record Verification(String maskedName, String unitName, String testTitle, boolean resit, LocalDate date,
                           CandidateState outcome, Instant issuedAt) {
}
