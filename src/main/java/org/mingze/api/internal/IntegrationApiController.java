package org.mingze.api.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mingze.api.ApiClient;
import org.mingze.api.ApiScope;
import org.mingze.ledger.LedgerService;
import org.mingze.org.MemberRow;
import org.mingze.org.MemberService;
import org.mingze.org.OrgService;
import org.mingze.org.UnitNode;
import org.mingze.review.BatchRow;
import org.mingze.review.CandidateRow;
import org.mingze.review.CandidateState;
import org.mingze.review.ReviewService;
import org.mingze.review.SheetService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The integration API's endpoints (decision 0016). The token was checked by {@link ApiSecurity}; here each endpoint
 * checks the token's scope (403 {@code scope}), finds the record (404 {@code not_found}) and checks that it lies in
 * the token's unit subtree (403 {@code unit}). Reads only, except that a result sheet's verification code is issued
 * when the candidate has none yet (audited REVIEW_SHEET_ISSUE as the token).
 */
@RestController
class IntegrationApiController {

    private static final Logger LOG = LoggerFactory.getLogger(IntegrationApiController.class);
    static final int FIRST_YEAR = 2000;

    private final ReviewService reviews;
    private final SheetService sheets;
    private final MemberService members;
    private final OrgService org;
    private final LedgerService ledgers;
    private final Clock clock;
    private final MessageSource messages;

    IntegrationApiController(ReviewService reviews, SheetService sheets, MemberService members, OrgService org,
                             LedgerService ledgers, Clock clock, MessageSource messages) {
        this.messages = messages;
        this.reviews = reviews;
        this.sheets = sheets;
        this.members = members;
        this.org = org;
        this.ledgers = ledgers;
        this.clock = clock;
    }

    /** A candidate of a batch as the cadre management system gets it. */
    record ApiCandidate(String employeeNo, String name, String unit, String currentPost, String proposedPost,
                        String outcome, String outcomeLabel, BigDecimal score, BigDecimal maxScore, boolean resit,
                        LocalDate testDate, String verificationCode) {
    }

    /** A batch with its candidates. */
    record ApiBatch(long id, String name, String type, String typeLabel, String unit, LocalDate deadline,
                    int passPercent, int resitDelayDays, int resitWindowDays, Map<String, Integer> outcomes,
                    List<ApiCandidate> candidates) {
    }

    @GetMapping(path = "/api/reviews/{batchId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> review(@PathVariable String batchId, @AuthenticationPrincipal ApiClient client) {
        if (!client.may(ApiScope.REVIEWS)) {
            return ApiErrors.entity(403, "scope", "此令牌未获准读取考核批次（需要 REVIEWS 权限）");
        }
        Optional<BatchRow> found = parse(batchId).flatMap(reviews::batchForSystem);
        if (found.isEmpty()) {
            return ApiErrors.entity(404, "not_found", "未找到编号为 " + batchId + " 的考核批次");
        }
        BatchRow b = found.get();
        if (!reaches(client, b.unitId())) {
            return ApiErrors.entity(403, "unit", "该考核批次不在此令牌可读的单位范围内");
        }
        Map<Long, String> codes = new java.util.HashMap<>();
        for (CandidateRow c : reviews.candidatesForSystem(b.id())) {
            if (c.state() != CandidateState.PENDING) {
                sheets.codeForSystem(c.id(), client.actor()).ifPresent(code -> codes.put(c.id(), code));
            }
        }
        List<ApiCandidate> out = new ArrayList<>();
        Map<String, Integer> outcomes = new java.util.LinkedHashMap<>();
        for (CandidateState s : CandidateState.values()) {
            outcomes.put(s.name(), 0);
        }
        for (CandidateRow c : reviews.candidatesForSystem(b.id())) {
            outcomes.merge(c.state().name(), 1, Integer::sum);
            boolean resit = c.resitScore() != null;
            out.add(new ApiCandidate(c.employeeNo(), c.name(), c.unitName(), c.currentPost(), c.proposedPost(),
                    c.state().name(), label(c.state()), resit ? c.resitScore() : c.firstScore(),
                    resit ? c.resitMax() : c.firstMax(), resit, resit ? c.resitOn() : c.firstOn(),
                    codes.get(c.id())));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new ApiBatch(b.id(), b.name(),
                b.type().name(), typeLabel(b), b.unitName(), b.deadline(), b.passPercent(), b.resitDelayDays(),
                b.resitWindowDays(), outcomes, out));
    }

    @GetMapping(path = "/api/officials/{employeeNo}/ledger", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> ledger(@PathVariable String employeeNo, @RequestParam(required = false) String year,
                                  @AuthenticationPrincipal ApiClient client) {
        if (!client.may(ApiScope.LEDGER)) {
            return ApiErrors.entity(403, "scope", "此令牌未获准读取考核台帐（需要 LEDGER 权限）");
        }
        int thisYear = LocalDate.now(clock).getYear();
        int y;
        try {
            y = year == null || year.isBlank() ? thisYear : Integer.parseInt(year.strip());
        } catch (NumberFormatException e) {
            y = -1;
        }
        if (y < FIRST_YEAR || y > thisYear) {
            return ApiErrors.entity(400, "bad_year", "年份 year 须为 " + FIRST_YEAR + " 至 " + thisYear
                    + " 之间的整数，例如 year=" + thisYear);
        }
        Optional<MemberRow> m = members.memberByEmployeeNoForSystem(employeeNo);
        if (m.isEmpty()) {
            return ApiErrors.entity(404, "not_found", "未找到警号为 " + employeeNo + " 的人员");
        }
        if (!reaches(client, m.get().unitId())) {
            return ApiErrors.entity(403, "unit", "该人员不在此令牌可读的单位范围内");
        }
        // the token, its scope and the official's unit are checked above; the call is audited by the API chain
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(ledgers.forSystem(m.get().id(), y, Locale.SIMPLIFIED_CHINESE));
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Object> failed(RuntimeException e) {
        LOG.error("integration API call failed", e);
        return ApiErrors.entity(500, "error", "服务器内部错误，请稍后再试或联系管理员");
    }

    private boolean reaches(ApiClient client, long unitId) {
        return org.unitForSystem(unitId).map(UnitNode::path).map(client::reaches).orElse(false);
    }

    private static Optional<Long> parse(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String label(CandidateState s) {
        return messages.getMessage(s.labelKey(), null, Locale.SIMPLIFIED_CHINESE);
    }

    private String typeLabel(BatchRow b) {
        return messages.getMessage(b.type().labelKey(), null, Locale.SIMPLIFIED_CHINESE);
    }
}
