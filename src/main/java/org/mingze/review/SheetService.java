package org.mingze.review;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.security.ClientAddress;
import org.mingze.base.security.CurrentUser;
import org.mingze.org.MemberRow;
import org.mingze.org.MemberService;
import org.mingze.quiz.exam.ExamService;
import org.mingze.quiz.exam.TagScore;
import org.mingze.review.internal.ReviewStore;
import org.mingze.review.internal.ReviewStore.Batch;
import org.mingze.review.internal.ReviewStore.Candidate;
import org.mingze.review.internal.SheetCodes;
import org.mingze.review.internal.SheetPdf;
import org.mingze.review.internal.TestTemplate;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Result sheets and their verification (decision 0013). A sheet is issued with a fresh code whenever what it says
 * differs from the last sheet issued for the candidate (audited REVIEW_SHEET_ISSUE); the code is stored with the
 * SHA-256 of the sheet's canonical text. Verifying recomputes that text from the records: a guessed code, or one
 * whose sheet no longer matches the records (a changed outcome or score), is "not found / no longer valid".
 */
@Service
@Transactional(readOnly = true)
public class SheetService {

    private final ReviewStore store;
    private final ReviewService reviews;
    private final MemberService members;
    private final ExamService exams;
    private final AuditLog audit;
    private final Clock clock;
    private final MessageSource messages;

    SheetService(ReviewStore store, ReviewService reviews, MemberService members, ExamService exams, AuditLog audit,
                 Clock clock, MessageSource messages) {
        this.messages = messages;
        this.store = store;
        this.reviews = reviews;
        this.members = members;
        this.exams = exams;
        this.audit = audit;
        this.clock = clock;
    }

    /** The sheet of a candidacy: the caller's own, or one of a batch the caller may read as staff. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public ResultSheet sheet(long candidateId) {
        return current(reviews.visibleCandidate(candidateId), CurrentUser.actor());
    }

    /**
     * The sheet as a PDF with the Chinese text embedded (same content as the printable page, decision 0012), for the
     * same people as {@link #sheet}; audited REVIEW_SHEET_PDF.
     *
     * @param verifyBase the absolute address of the application, e.g. "https://mingze.example" (for the QR code)
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public byte[] sheetPdf(long candidateId, String verifyBase, Locale locale) {
        ResultSheet s = sheet(candidateId);
        byte[] pdf = SheetPdf.render(s, verifyBase + "/verify/" + s.code(),
                (k, a) -> messages.getMessage(k, a, locale), clock.getZone());
        audit.record("REVIEW_SHEET_PDF", "review-sheet", s.candidateId(), s.name() + ", code "
                + s.code().substring(0, 4) + "… (" + pdf.length + " B)");
        return pdf;
    }

    /**
     * The verification code of a candidate's current sheet, issuing one (as {@code actor}) when none matches the
     * records; empty for an unknown candidate. For the integration API, which checks its token's scope first;
     * never for the browser.
     */
    @Transactional
    public Optional<String> codeForSystem(long candidateId, String actor) {
        return store.candidate(candidateId).map(c -> current(c, actor).code());
    }

    /** The candidate's sheet as of today: the last one issued when it still matches the records, else a new one. */
    private ResultSheet current(Candidate visible, String actor) {
        Batch b = store.batch(visible.batchId()).orElseThrow();
        Candidate c = reviews.refresh(visible, b); // the sheet states the outcome as of today, stored first
        ResultSheet draft = compose(c, b, "AAAAAAAAAAAAAAAA", null);
        Optional<ReviewStore.Sheet> last = store.latestSheet(c.id());
        if (last.isPresent() && last.get().contentHash().equals(hash(compose(c, b, last.get().code(), null)))) {
            return compose(c, b, last.get().code(), last.get().issuedAt());
        }
        String code = SheetCodes.newCode();
        Instant now = clock.instant();
        ResultSheet sheet = compose(c, b, code, now);
        store.insertSheet(code, c.id(), hash(sheet), actor, now);
        audit.recordAs(actor, "REVIEW_SHEET_ISSUE", "review-sheet", c.id(), draft.name() + ": " + draft.outcome()
                + (draft.score() == null ? "" : " " + draft.score().toPlainString() + "/" + draft.max().toPlainString())
                + ", code " + code.substring(0, 4) + "…", ClientAddress.current());
        return sheet;
    }

    /** The public check of a code; empty when unknown, malformed or no longer matching the records. */
    public Optional<Verification> verify(String input) {
        Optional<String> code = SheetCodes.normalise(input);
        if (code.isEmpty()) {
            return Optional.empty();
        }
        Optional<ReviewStore.Sheet> stored = store.sheet(code.get());
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Candidate c = store.candidate(stored.get().candidateId()).orElse(null);
        if (c == null) {
            return Optional.empty();
        }
        ResultSheet now = compose(c, store.batch(c.batchId()).orElseThrow(), code.get(), stored.get().issuedAt());
        if (!hash(now).equals(stored.get().contentHash())) {
            return Optional.empty();
        }
        return Optional.of(new Verification(SheetCodes.mask(now.name()), now.unitName(), now.testTitle(), now.resit(), now.date(),
                now.outcome(), now.issuedAt()));
    }

    private ResultSheet compose(Candidate c, Batch b, String code, Instant issuedAt) {
        MemberRow m = members.memberForSystem(c.memberId()).orElse(null);
        boolean resit = c.resitAttemptId() != null;
        Long attempt = c.lastAttemptId();
        List<TagScore> tags = attempt == null ? List.of() : exams.tagScoresForSystem(attempt);
        return new ResultSheet(c.id(), m == null ? "" : m.name(), m == null ? "" : m.unitName(), c.currentPost(),
                c.proposedPost(), b.type(), b.name(), TestTemplate.TITLE + "（" + b.name() + "）",
                resit ? c.resitOn() : c.firstOn(), resit ? c.resitScore() : c.firstScore(),
                resit ? c.resitMax() : c.firstMax(), b.passPercent(), c.state(), resit, c.reason(), tags, code,
                issuedAt);
    }

    /** SHA-256 over every field a reader relies on, the code included (so a code cannot be moved to another sheet). */
    static String hash(ResultSheet s) {
        String tags = s.tags().stream().map(t -> t.tag() + ":" + plain(t.earned()) + "/" + plain(t.max()))
                .collect(Collectors.joining(","));
        return SheetCodes.sha256(String.join("\u001f", s.code(), String.valueOf(s.candidateId()), s.name(),
                s.unitName(), String.valueOf(s.currentPost()), s.proposedPost(), s.type().name(), s.batchName(),
                s.testTitle(), String.valueOf(s.date()), plain(s.score()), plain(s.max()),
                String.valueOf(s.passPercent()), s.outcome().name(), String.valueOf(s.resit()),
                String.valueOf(s.reason()), tags));
    }

    private static String plain(BigDecimal d) {
        return d == null ? "-" : d.stripTrailingZeros().toPlainString();
    }
}
