package org.mingze.review;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.notify.NotificationService;
import org.mingze.base.security.ClientAddress;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.security.Role;
import org.mingze.base.security.Roles;
import org.mingze.base.validation.Problem;
import org.mingze.base.validation.ValidationException;
import org.mingze.org.MemberRow;
import org.mingze.org.MemberService;
import org.mingze.org.OrgService;
import org.mingze.org.UnitNode;
import org.mingze.quiz.exam.AttemptGraded;
import org.mingze.quiz.exam.CountedAttempt;
import org.mingze.quiz.exam.Exam;
import org.mingze.quiz.exam.ExamExceptionDraft;
import org.mingze.quiz.exam.ExamPurpose;
import org.mingze.quiz.exam.ExamService;
import org.mingze.quiz.exam.ExamSettings;
import org.mingze.quiz.exam.GradedAttempt;
import org.mingze.quiz.exam.Paper;
import org.mingze.quiz.exam.PaperService;
import org.mingze.quiz.exam.TagScore;
import org.mingze.review.internal.BatchWorkbook;
import org.mingze.review.internal.CandidateSheet;
import org.mingze.review.internal.MakeupCheck;
import org.mingze.review.internal.OutcomeRules;
import org.mingze.review.internal.ReviewStore;
import org.mingze.review.internal.ReviewStore.Batch;
import org.mingze.review.internal.ReviewStore.Candidate;
import org.mingze.review.internal.TestTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Appointment review batches (decision 0013). Organisers create and run batches of their units (the candidates
 * must be in their scope too), administrators all, auditors read all; a learner sees only their own candidacies.
 * The test of a batch is an APPOINTMENT_REVIEW exam created through {@link ExamService} from
 * {@link TestTemplate}; results arrive as {@link AttemptGraded} events and go through {@link OutcomeRules}. Every
 * outcome and exception is audited (REVIEW_BATCH_CREATE, REVIEW_OUTCOME, REVIEW_EXEMPT, REVIEW_EXTEND,
 * REVIEW_RESIT_OPEN, REVIEW_MAKEUP_DONE, REVIEW_RECONCILE).
 */
@Service
@Transactional(readOnly = true)
public class ReviewService {

    static final String MANAGE = "hasAnyRole('" + Roles.ORGANIZER + "','" + Roles.ADMIN + "')";
    static final String READ = "hasAnyRole('" + Roles.ORGANIZER + "','" + Roles.ADMIN + "','" + Roles.AUDITOR + "')";
    public static final int MAX_CANDIDATES = 200;
    private static final Logger LOG = LoggerFactory.getLogger(ReviewService.class);

    private final ReviewStore store;
    private final ExamService exams;
    private final PaperService papers;
    private final OrgService org;
    private final MemberService members;
    private final MakeupCheck makeup;
    private final AuditLog audit;
    private final Clock clock;
    private final NotificationService notices;
    private final TransactionTemplate ownTransaction;
    private final MessageSource messages;

    ReviewService(ReviewStore store, ExamService exams, PaperService papers, OrgService org, MemberService members,
                  MakeupCheck makeup, AuditLog audit, Clock clock, NotificationService notices,
                  PlatformTransactionManager transactions, MessageSource messages) {
        this.messages = messages;
        this.notices = notices;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.store = store;
        this.exams = exams;
        this.papers = papers;
        this.org = org;
        this.members = members;
        this.makeup = makeup;
        this.audit = audit;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), clock.getZone());
    }

    private Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(clock.getZone()).toInstant().minusSeconds(1);
    }

    // --- batches ----------------------------------------------------------------------------------------------

    /**
     * Creates a batch with its candidates and publishes its test (opening now, closing at the end of the deadline).
     *
     * @throws AccessDeniedException the unit or a candidate is outside the caller's scope
     * @throws ValidationException   every problem found (name, deadline, pass mark, days, candidates)
     */
    @PreAuthorize(MANAGE)
    @Transactional
    public BatchRow create(BatchDraft d) {
        if (d == null) {
            throw new ValidationException(Problem.of("name", "review.error.name"));
        }
        org.requireManage(d.unitId());
        List<Problem> problems = new ArrayList<>();
        String name = d.name() == null ? "" : d.name().trim();
        if (name.isEmpty() || name.length() > 200) {
            problems.add(Problem.of("name", "review.error.name"));
        }
        if (d.type() == null) {
            problems.add(Problem.of("type", "review.error.type"));
        }
        if (d.deadline() == null || d.deadline().isBefore(today())) {
            problems.add(Problem.of("deadline", "review.error.deadline"));
        }
        if (d.passPercent() < 1 || d.passPercent() > 100) {
            problems.add(Problem.of("passPercent", "review.error.pass"));
        }
        if (d.resitDelayDays() < 0 || d.resitWindowDays() <= d.resitDelayDays() || d.resitWindowDays() > 365) {
            problems.add(Problem.of("resitWindowDays", "review.error.days"));
        }
        if (d.candidates().isEmpty() || d.candidates().size() > MAX_CANDIDATES) {
            problems.add(Problem.of("candidates", "review.error.candidates", MAX_CANDIDATES));
        }
        Set<Long> seen = new HashSet<>();
        Map<Long, MemberRow> people = new java.util.HashMap<>();
        int row = 0;
        for (CandidateDraft c : d.candidates()) {
            row++;
            Optional<MemberRow> m = members.memberForSystem(c.memberId());
            if (m.isEmpty() || !m.get().active()) {
                problems.add(Problem.of("memberId", "review.error.member", row).atRow(row));
                continue;
            }
            if (!org.canManage(m.get().unitId())) {
                throw new AccessDeniedException("member " + c.memberId() + " is outside your scope");
            }
            if (!seen.add(c.memberId())) {
                problems.add(Problem.of("memberId", "review.error.member-twice", row, m.get().name()).atRow(row));
            }
            if (c.proposedPost() == null || c.proposedPost().isBlank() || c.proposedPost().trim().length() > 100
                    || c.currentPost() != null && c.currentPost().trim().length() > 100) {
                problems.add(Problem.of("proposedPost", "review.error.post", row, m.get().name()).atRow(row));
            }
            people.put(c.memberId(), m.get());
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Instant now = clock.instant();
        long id = store.insertBatch(d.type(), name, d.unitId(), d.deadline(), d.passPercent(), d.resitDelayDays(),
                d.resitWindowDays(), CurrentUser.actor(), now);
        Paper paper = papers.create(d.unitId(), TestTemplate.paper(name));
        ExamSettings s = ExamSettings.defaults(TestTemplate.TITLE + "（" + name + "）", paper.id(), d.unitId(), now,
                        endOf(d.deadline()))
                .withPurpose(ExamPurpose.APPOINTMENT_REVIEW).withPassPercent(d.passPercent()).withTimeLimit(30)
                .withAttempts(1, CountedAttempt.LAST)
                .withDescription("干部任免考核主体责任知识测试。未通过者暂缓，" + d.resitDelayDays()
                        + "天后可在完成补学后补考一次。")
                .withAudience(List.of(), d.candidates().stream().map(CandidateDraft::memberId).toList());
        Exam exam = exams.publish(exams.create(s).id());
        store.setExam(id, exam.id());
        for (CandidateDraft c : d.candidates()) {
            String current = c.currentPost() == null || c.currentPost().isBlank()
                    ? people.get(c.memberId()).post() : c.currentPost().trim();
            store.insertCandidate(id, c.memberId(), current, c.proposedPost().trim(), d.deadline());
        }
        audit.record("REVIEW_BATCH_CREATE", "review-batch", id, name + " (" + d.type() + ", unit " + d.unitId()
                + ", deadline " + d.deadline() + ", pass " + d.passPercent() + "%, re-sit after "
                + d.resitDelayDays() + " within " + d.resitWindowDays() + " days, exam " + exam.id() + ", "
                + d.candidates().size() + " candidate(s))");
        return row(store.batch(id).orElseThrow());
    }

    /**
     * Reads a 拟任 list .xlsx into candidates for the editor, all or nothing: every bad row is listed (row, column,
     * reason in Chinese): unknown 警号, a name that does not match the 警号, a member outside the caller's scope, a
     * missing or too long proposed post, a person listed twice.
     */
    @PreAuthorize(MANAGE)
    public List<CandidateDraft> readCandidates(String fileName, byte[] content) {
        List<CandidateSheet.Line> lines =
                CandidateSheet.read(fileName, content);
        List<Problem> problems = new ArrayList<>();
        List<CandidateDraft> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        if (lines.isEmpty()) {
            problems.add(Problem.of("file", "review.import.error.empty"));
        }
        if (lines.size() > MAX_CANDIDATES) {
            problems.add(Problem.of("file", "review.error.candidates", MAX_CANDIDATES));
        }
        for (var l : lines) {
            Optional<MemberRow> m = l.employeeNo().isEmpty() ? Optional.empty() : members.byEmployeeNo(l.employeeNo());
            if (m.isEmpty() || !m.get().active()) {
                problems.add(Problem.of("警号", "review.import.error.no", l.employeeNo()).atRow(l.row()));
                continue;
            }
            if (!org.canManage(m.get().unitId())) {
                problems.add(Problem.of("警号", "review.import.error.scope", m.get().name()).atRow(l.row()));
                continue;
            }
            if (!l.name().equals(m.get().name())) {
                problems.add(Problem.of("姓名", "review.import.error.name", l.name(), l.employeeNo(), m.get().name())
                        .atRow(l.row()));
            }
            if (l.proposedPost().isEmpty() || l.proposedPost().length() > 100 || l.currentPost().length() > 100) {
                problems.add(Problem.of("拟任职务", "review.import.error.post").atRow(l.row()));
            }
            if (!seen.add(m.get().id())) {
                problems.add(Problem.of("警号", "review.import.error.twice", m.get().name()).atRow(l.row()));
            }
            out.add(new CandidateDraft(m.get().id(), l.currentPost(), l.proposedPost()));
        }
        if (!problems.isEmpty()) {
            audit.recordOnItsOwn("REVIEW_IMPORT_REJECTED", "review-batch", null, fileName + ": " + problems.size()
                    + " problem(s)");
            throw new ValidationException(problems);
        }
        return out;
    }

    /** The 拟任 list template (.xlsx). */
    @PreAuthorize(MANAGE)
    public byte[] candidateTemplate() {
        return CandidateSheet.template();
    }

    /** The batches of the units the caller may read, latest deadline first. */
    @PreAuthorize(READ)
    public List<BatchRow> batches() {
        return store.batches().stream().filter(b -> org.canRead(b.unitId())).map(this::row).toList();
    }

    @PreAuthorize(READ)
    public BatchRow batch(long batchId) {
        return row(readable(batchId));
    }

    /**
     * The candidates of a batch as they stand today. A pure read: the rules of time (no-show, re-sit window passed)
     * and a finished make-up study are shown as computed here; the sweep and the organiser's actions store them.
     */
    @PreAuthorize(READ)
    public List<CandidateRow> candidates(long batchId) {
        Batch b = readable(batchId);
        return store.candidates(batchId).stream().map(c -> row(shown(c), b)).toList();
    }

    /** The signed-in person's own candidacies as they stand today, newest first; a pure read like candidates(). */
    @PreAuthorize("isAuthenticated()")
    public List<CandidateRow> mine() {
        Long me = CurrentUser.require().memberId();
        if (me == null) {
            return List.of();
        }
        List<CandidateRow> out = new ArrayList<>();
        for (Candidate c : store.candidatesOf(me)) {
            out.add(row(shown(c), store.batch(c.batchId()).orElseThrow()));
        }
        return out;
    }

    /**
     * The batch summary as .xlsx: the facts and the count per outcome, and every candidate with outcome and scores
     * as they stand today. Audited REVIEW_EXPORT.
     */
    @PreAuthorize(READ)
    @Transactional
    public byte[] exportXlsx(long batchId, Locale locale) {
        BatchRow b = row(readable(batchId));
        List<CandidateRow> cs = candidates(batchId);
        byte[] xlsx = BatchWorkbook.render(b, cs, (k, a) -> messages.getMessage(k, a, locale));
        audit.record("REVIEW_EXPORT", "review-batch", batchId, b.name() + ": " + cs.size() + " candidate(s), "
                + b.byState());
        return xlsx;
    }

    /** A batch whoever asks, for the integration API (which checks its token's unit scope); never for the browser. */
    public Optional<BatchRow> batchForSystem(long batchId) {
        return store.batch(batchId).map(this::row);
    }

    /**
     * The candidates of a batch as they stand today (a pure read, like {@link #candidates}), for the integration
     * API; never for the browser.
     */
    public List<CandidateRow> candidatesForSystem(long batchId) {
        return store.batch(batchId).map(b -> store.candidates(batchId).stream().map(c -> row(shown(c), b)).toList())
                .orElse(List.of());
    }

    /** The make-up study of a candidacy: the caller's own, or one the caller may read. */
    @PreAuthorize("isAuthenticated()")
    public List<MakeupCheck.TagTask> makeupTasks(long candidateId) {
        Candidate c = visibleCandidate(candidateId);
        return makeup.tasks(c.memberId(), c.makeupTags());
    }

    // --- exceptions -------------------------------------------------------------------------------------------

    /** Exempts a candidate from the test; a reason is required. */
    @PreAuthorize(MANAGE)
    @Transactional
    public CandidateRow exempt(long candidateId, String reason) {
        Candidate c = manageableCandidate(candidateId);
        c = refresh(c, store.batch(c.batchId()).orElseThrow());
        Standing s = OutcomeRules.exempt(c.standing(), reason);
        store.saveStanding(c.id(), s, reason.trim(), clock.instant());
        audit.record("REVIEW_EXEMPT", "review-candidate", c.id(), name(c) + ": " + c.state() + " -> EXEMPTED - "
                + reason.trim());
        return candidateRow(c.id());
    }

    /** Gives a candidate a later deadline (and the test a later close for them); a reason is required. */
    @PreAuthorize(MANAGE)
    @Transactional
    public CandidateRow extend(long candidateId, LocalDate deadline, String reason) {
        Candidate c = manageableCandidate(candidateId);
        Batch b = store.batch(c.batchId()).orElseThrow();
        c = refresh(c, b);
        Standing s = OutcomeRules.extend(c.standing(), deadline, reason, today());
        exams.grantException(b.examId(), new ExamExceptionDraft(c.memberId(), null, endOf(deadline), 0,
                "审查批次延期：" + reason.trim()));
        store.saveStanding(c.id(), s, reason.trim(), clock.instant());
        audit.record("REVIEW_EXTEND", "review-candidate", c.id(), name(c) + ": deadline " + c.deadline() + " -> "
                + deadline + " - " + reason.trim());
        return candidateRow(c.id());
    }

    /**
     * Opens the re-sit (补考) of a deferred candidate: one more attempt of the test until the end of the re-sit
     * window. Only from the day it opens, and only when the make-up study is done.
     */
    @PreAuthorize(MANAGE)
    @Transactional
    public CandidateRow openResit(long candidateId) {
        Candidate c = manageableCandidate(candidateId);
        Batch b = store.batch(c.batchId()).orElseThrow();
        c = refresh(c, b);
        OutcomeRules.openResit(c.standing(), today());
        grantResit(c, b, CurrentUser.actor(), "by hand");
        return candidateRow(c.id());
    }

    // --- results ----------------------------------------------------------------------------------------------

    /** A graded attempt of a review test: records it and applies the outcome rules. */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(AttemptGraded e) {
        if (e.purpose() != ExamPurpose.APPOINTMENT_REVIEW) {
            return;
        }
        Optional<Batch> batch = store.batchByExam(e.examId());
        if (batch.isEmpty()) {
            return;
        }
        Batch b = batch.get();
        Candidate c = store.candidate(b.id(), e.memberId()).orElse(null);
        if (c == null) {
            return;
        }
        record(b, c, e.attemptId(), e.score(), e.max(), e.passed(), today());
    }

    /**
     * Records a graded attempt of a candidate (the first, or the re-sit once opened) and applies the outcome rules;
     * false when the attempt fits no rule (already recorded, a second attempt before the re-sit was opened ...).
     */
    private boolean record(Batch b, Candidate c, long attemptId, BigDecimal score, BigDecimal max, boolean passed,
                           LocalDate on) {
        Standing before = c.standing();
        if (c.state() == CandidateState.PENDING && c.firstAttemptId() == null) {
            List<String> wrong = exams.tagScoresForSystem(attemptId).stream().filter(t -> t.wrong() > 0)
                    .map(TagScore::tag).toList();
            if (!store.firstAttempt(c.id(), attemptId, score, max, on, passed ? List.of() : wrong)) {
                return false;
            }
        } else if (c.state() == CandidateState.DEFERRED && c.resitGrantedAt() != null && c.resitAttemptId() == null
                && !Long.valueOf(attemptId).equals(c.firstAttemptId())) {
            if (!store.resitAttempt(c.id(), attemptId, score, max, on)) {
                return false;
            }
        } else {
            return false;
        }
        Standing after = OutcomeRules.graded(before, passed, on, b.resitDelayDays(), b.resitWindowDays());
        store.saveStanding(c.id(), after, null, clock.instant());
        audit.recordAs(CurrentUser.SYSTEM, "REVIEW_OUTCOME", "review-candidate", c.id(), name(c) + ": "
                + before.state() + " -> " + after.state() + " (attempt " + attemptId + ", " + score.toPlainString()
                + "/" + max.toPlainString() + (after.resitOpens() != null && before.state() == CandidateState.PENDING
                ? ", re-sit " + after.resitOpens() + " - " + after.resitCloses() : "") + ")", null);
        return true;
    }

    /**
     * Records the graded attempts of a batch's test that the event handler missed (it failed, or the application
     * stopped between the grading and the handler): for each open candidate, the first graded attempt, and once the
     * re-sit is open, the next one. Audited as REVIEW_RECONCILE besides the outcome. Returns how many it recorded.
     */
    private int reconcile(Batch b, List<Candidate> open) {
        if (b.examId() == null) {
            return 0;
        }
        Map<Long, List<GradedAttempt>> graded = new java.util.HashMap<>();
        for (GradedAttempt g : exams.gradedAttemptsForSystem(b.examId())) {
            graded.computeIfAbsent(g.memberId(), k -> new ArrayList<>()).add(g);
        }
        int recorded = 0;
        for (Candidate c : open) {
            for (GradedAttempt g : graded.getOrDefault(c.memberId(), List.of())) {
                Candidate now = store.candidate(c.id()).orElseThrow();
                if (Long.valueOf(g.attemptId()).equals(now.firstAttemptId())
                        || Long.valueOf(g.attemptId()).equals(now.resitAttemptId())) {
                    continue;
                }
                LocalDate on = LocalDate.ofInstant(g.closedAt() == null ? clock.instant() : g.closedAt(),
                        clock.getZone());
                if (record(b, now, g.attemptId(), g.score(), g.max(), g.passed(), on)) {
                    audit.recordAs(CurrentUser.SYSTEM, "REVIEW_RECONCILE", "review-candidate", c.id(), name(c)
                            + ": attempt " + g.attemptId() + " recorded by the sweep", null);
                    recorded++;
                }
            }
        }
        return recorded;
    }

    /** A candidate as it stands today, computed without writing (see {@link #refresh} for the writing twin). */
    private Candidate shown(Candidate c) {
        Standing s = c.standing();
        Instant makeupAt = c.makeupDoneAt();
        if (s.state() == CandidateState.DEFERRED && !s.makeupDone() && makeup.done(c.memberId(), c.makeupTags())) {
            s = s.withMakeupDone(true);
            makeupAt = clock.instant();
        }
        return c.shown(OutcomeRules.day(s, today()).state(), makeupAt);
    }

    /**
     * Applies the rules of time (no-show, re-sit window passed) and the make-up check to one candidate; audited
     * when something changes. Used by the sweep and before an organiser's action (never by a read).
     */
    Candidate refresh(Candidate c, Batch b) {
        Standing s = c.standing();
        if (s.state() == CandidateState.DEFERRED && !s.makeupDone() && makeup.done(c.memberId(), c.makeupTags())) {
            store.makeupDone(c.id(), clock.instant());
            audit.recordAs(CurrentUser.SYSTEM, "REVIEW_MAKEUP_DONE", "review-candidate", c.id(), name(c), null);
            s = s.withMakeupDone(true);
        }
        Standing after = OutcomeRules.day(s, today());
        if (after.state() != s.state()) {
            store.saveStanding(c.id(), after, null, clock.instant());
            audit.recordAs(CurrentUser.SYSTEM, "REVIEW_OUTCOME", "review-candidate", c.id(), name(c) + ": "
                    + s.state() + " -> " + after.state() + " (" + (s.state() == CandidateState.PENDING
                    ? "nothing by " + s.deadline() : "no re-sit by " + s.resitCloses()) + ")", null);
        }
        return store.candidate(c.id()).orElseThrow();
    }

    /**
     * The review sweep (no signed-in person), each candidate in a transaction of its own so that one failure does
     * not hold up the others: first the graded attempts the event handler missed ({@link #reconcile}), then the
     * rules of time and the make-up check ({@link #refresh}), then the automatic re-sit: on its opening day (or
     * any later day of its window, when a sweep was missed) with the make-up study done, the candidate gets one
     * more attempt until the end of the window ({@link ExamService#grantForSystem}, audited REVIEW_RESIT_OPEN as
     * the system) and an in-app notice. Returns how many candidates changed.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int sweepForSystem() {
        int changed = 0;
        Map<Long, List<Candidate>> byBatch = new java.util.LinkedHashMap<>();
        store.open().forEach(c -> byBatch.computeIfAbsent(c.batchId(), k -> new ArrayList<>()).add(c));
        for (var entry : byBatch.entrySet()) {
            Integer n = inOwnTransaction("reconcile batch " + entry.getKey(), () ->
                    reconcile(store.batch(entry.getKey()).orElseThrow(), entry.getValue()));
            changed += n == null ? 0 : n;
        }
        for (Candidate listed : store.open()) {
            Boolean c = inOwnTransaction("sweep candidate " + listed.id(), () -> {
                Batch b = store.batch(listed.batchId()).orElseThrow();
                Candidate after = refresh(listed, b);
                boolean opened = autoOpenResit(after, b);
                return opened || after.state() != listed.state()
                        || !java.util.Objects.equals(after.makeupDoneAt(), listed.makeupDoneAt());
            });
            changed += Boolean.TRUE.equals(c) ? 1 : 0;
        }
        return changed;
    }

    private <T> T inOwnTransaction(String what, java.util.function.Supplier<T> work) {
        try {
            return ownTransaction.execute(status -> work.get());
        } catch (RuntimeException e) {
            LOG.error("review sweep: {} failed", what, e);
            return null;
        }
    }

    /** Opens the re-sit of a deferred candidate when the rules allow it today; true when it did. */
    private boolean autoOpenResit(Candidate c, Batch b) {
        if (b.examId() == null || OutcomeRules.resitRefusal(c.standing(), today()) != null) {
            return false;
        }
        grantResit(c, b, CurrentUser.SYSTEM, "automatic");
        String user = members.usernames(List.of(c.memberId())).get(c.memberId());
        if (user != null) {
            notices.post(user, "补考已开放：" + b.name(), "您已完成补学，补考现已开放，请在"
                    + c.resitCloses().getYear() + "年" + c.resitCloses().getMonthValue() + "月"
                    + c.resitCloses().getDayOfMonth() + "日前完成（限一次）。逾期未考将记为不合格。",
                    "exams/start/" + b.examId());
        }
        return true;
    }

    /** Gives the candidate one more attempt until the end of the re-sit window and records it. */
    private void grantResit(Candidate c, Batch b, String actor, String how) {
        String reason = "补考（审查批次 " + b.name() + "）";
        if (CurrentUser.SYSTEM.equals(actor)) {
            exams.grantForSystem(b.examId(), c.memberId(), 1, endOf(c.resitCloses()), reason, "review");
        } else {
            exams.grantException(b.examId(), new ExamExceptionDraft(c.memberId(), null, endOf(c.resitCloses()), 1,
                    reason));
        }
        store.resitGranted(c.id(), clock.instant());
        audit.recordAs(actor, "REVIEW_RESIT_OPEN", "review-candidate", c.id(), name(c) + ": re-sit until "
                + c.resitCloses() + " (" + how + ")", ClientAddress.current());
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private Batch readable(long batchId) {
        Batch b = store.batch(batchId).orElseThrow(() -> new ValidationException(Problem.of("batch",
                "review.error.missing")));
        if (!org.canRead(b.unitId())) {
            throw new AccessDeniedException("batch " + batchId + " is outside your scope");
        }
        return b;
    }

    private Candidate manageableCandidate(long candidateId) {
        Candidate c = store.candidate(candidateId).orElseThrow(() -> new ValidationException(Problem.of("candidate",
                "review.error.missing")));
        Batch b = store.batch(c.batchId()).orElseThrow();
        if (!org.canManage(b.unitId())) {
            throw new AccessDeniedException("batch " + b.id() + " is outside your scope");
        }
        return c;
    }

    /** The caller's own candidacy, or one of a batch the caller may read as organiser, admin or auditor. */
    Candidate visibleCandidate(long candidateId) {
        Candidate c = store.candidate(candidateId).orElseThrow(() -> new ValidationException(Problem.of("candidate",
                "review.error.missing")));
        var user = CurrentUser.require();
        boolean own = user.memberId() != null && user.memberId() == c.memberId();
        boolean staff = user.has(Role.ORGANIZER) || user.has(Role.ADMIN)
                || user.has(Role.AUDITOR);
        if (!own && !(staff && org.canRead(store.batch(c.batchId()).orElseThrow().unitId()))) {
            throw new AccessDeniedException("candidate " + candidateId + " is not yours");
        }
        return c;
    }

    private String name(Candidate c) {
        return members.namesForSystem(List.of(c.memberId())).getOrDefault(c.memberId(), "#" + c.memberId())
                + " (" + c.memberId() + ")";
    }

    private CandidateRow candidateRow(long id) {
        Candidate c = store.candidate(id).orElseThrow();
        return row(c, store.batch(c.batchId()).orElseThrow());
    }

    /** A batch with its count per outcome as the candidates stand today (computed, like {@link #candidates}). */
    private BatchRow row(Batch b) {
        Map<CandidateState, Integer> by = new EnumMap<>(CandidateState.class);
        List<Candidate> cs = store.candidates(b.id());
        cs.forEach(c -> by.merge(shown(c).state(), 1, Integer::sum));
        String unit = org.unitForSystem(b.unitId()).map(UnitNode::name).orElse("");
        return new BatchRow(b.id(), b.type(), b.name(), b.unitId(), unit, b.deadline(), b.passPercent(),
                b.resitDelayDays(), b.resitWindowDays(), b.examId(), b.createdBy(), cs.size(), by);
    }

    private CandidateRow row(Candidate c, Batch b) {
        MemberRow m = members.memberForSystem(c.memberId()).orElse(null);
        return new CandidateRow(c.id(), b.id(), b.name(), c.memberId(), m == null ? "#" + c.memberId() : m.name(),
                m == null ? "" : m.employeeNo(), m == null ? "" : m.unitName(), c.currentPost(), c.proposedPost(),
                c.state(), c.deadline(), c.firstScore(), c.firstMax(), c.firstOn(), c.resitOpens(), c.resitCloses(),
                c.makeupTags(), c.makeupDoneAt() != null, c.resitGrantedAt() != null, c.resitScore(), c.resitMax(),
                c.resitOn(), c.reason(), b.examId());
    }

    static BigDecimal percent(BigDecimal score, BigDecimal max) {
        return max == null || max.signum() == 0 ? BigDecimal.ZERO
                : score.multiply(BigDecimal.valueOf(100)).divide(max, 1, java.math.RoundingMode.HALF_UP);
    }
}
