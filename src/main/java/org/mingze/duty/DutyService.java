package org.mingze.duty;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.security.Roles;
import org.mingze.base.validation.Problem;
import org.mingze.base.validation.ValidationException;
import org.mingze.duty.internal.DutyStore;
import org.mingze.duty.internal.DutyStore.Draw;
import org.mingze.duty.internal.DutyStore.Reporter;
import org.mingze.duty.internal.DutyStore.Session;
import org.mingze.duty.internal.KeyText;
import org.mingze.duty.internal.SessionAccess;
import org.mingze.duty.internal.SummaryXlsx;
import org.mingze.org.MemberRow;
import org.mingze.org.MemberService;
import org.mingze.org.OrgService;
import org.mingze.org.UnitNode;
import org.mingze.quiz.Question;
import org.mingze.quiz.QuestionFilter;
import org.mingze.quiz.QuestionPage;
import org.mingze.quiz.QuestionRow;
import org.mingze.quiz.QuestionService;
import org.mingze.quiz.QuestionType;
import org.mingze.quiz.exam.AttemptGraded;
import org.mingze.quiz.exam.CountedAttempt;
import org.mingze.quiz.exam.DrawMode;
import org.mingze.quiz.exam.DrawSection;
import org.mingze.quiz.exam.Exam;
import org.mingze.quiz.exam.ExamPurpose;
import org.mingze.quiz.exam.ExamService;
import org.mingze.quiz.exam.ExamSettings;
import org.mingze.quiz.exam.Paper;
import org.mingze.quiz.exam.PaperDraft;
import org.mingze.quiz.exam.PaperService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Duty-report sessions (述职评议, decision 0015). Organisers create and run the sessions of their units,
 * administrators all, auditors read. The live Q&A is a small state machine per session: draw (stored before it is
 * shown; a second draw while the current question is open returns the same question, so a crash or a double
 * click never changes what the room saw) -> optional timer -> mark -> reveal -> next draw, and after K questions
 * the next reporter. Every step is audited (DUTY_SESSION_CREATE, DUTY_DRAW, DUTY_TIMER, DUTY_MARK, DUTY_REVEAL,
 * DUTY_NEXT, DUTY_EXPORT). The appraisal is in {@link AppraisalService}.
 */
@Service
@Transactional(readOnly = true)
public class DutyService {

    static final String MANAGE = "hasAnyRole('" + Roles.ORGANIZER + "','" + Roles.ADMIN + "')";
    static final String READ = "hasAnyRole('" + Roles.ORGANIZER + "','" + Roles.ADMIN + "','" + Roles.AUDITOR + "')";
    public static final int MAX_REPORTERS = 30;
    /** The written test: up to this many objective questions, 5 points each, 60% to pass. */
    static final int TEST_QUESTIONS = 20;
    static final List<QuestionType> OBJECTIVE = List.of(QuestionType.SINGLE, QuestionType.MULTIPLE,
            QuestionType.JUDGE);

    private final DutyStore store;
    private final QuestionService questions;
    private final ExamService exams;
    private final PaperService papers;
    private final OrgService org;
    private final MemberService members;
    private final AuditLog audit;
    private final Clock clock;
    private final SessionAccess access;
    private final SecureRandom random = new SecureRandom();

    DutyService(DutyStore store, QuestionService questions, ExamService exams, PaperService papers, OrgService org,
                MemberService members, AuditLog audit, Clock clock) {
        this.store = store;
        this.access = new SessionAccess(store, org);
        this.questions = questions;
        this.exams = exams;
        this.papers = papers;
        this.org = org;
        this.members = members;
        this.audit = audit;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), clock.getZone());
    }

    // --- sessions ---------------------------------------------------------------------------------------------

    /**
     * Creates a session with its reporters; with {@code writtenTest} also publishes the written test (purpose
     * DUTY_REPORT) for the reporters, open now until the end of the meeting day.
     *
     * @throws AccessDeniedException the unit or a reporter is outside the caller's scope
     * @throws ValidationException   every problem found (name, year, day, reporters, K, points, timer, too few
     *                               questions in the source)
     */
    @PreAuthorize(MANAGE)
    @Transactional
    public SessionRow create(SessionDraft d) {
        if (d == null) {
            throw new ValidationException(Problem.of("name", "duty.error.name"));
        }
        org.requireManage(d.unitId());
        List<Problem> problems = new ArrayList<>();
        String name = d.name() == null ? "" : d.name().trim();
        if (name.isEmpty() || name.length() > 200) {
            problems.add(Problem.of("name", "duty.error.name"));
        }
        if (d.year() < 2000 || d.year() > 2100) {
            problems.add(Problem.of("year", "duty.error.year"));
        }
        if (d.meetingDay() == null || d.meetingDay().isBefore(today())) {
            problems.add(Problem.of("meetingDay", "duty.error.day"));
        }
        if (d.perReporter() < 1 || d.perReporter() > 10) {
            problems.add(Problem.of("perReporter", "duty.error.per-reporter"));
        }
        if (d.points() < 1 || d.points() > 100) {
            problems.add(Problem.of("points", "duty.error.points"));
        }
        if (d.timerSeconds() != 0 && (d.timerSeconds() < 10 || d.timerSeconds() > 1800)) {
            problems.add(Problem.of("timerSeconds", "duty.error.timer"));
        }
        if (d.reporterIds().isEmpty() || d.reporterIds().size() > MAX_REPORTERS) {
            problems.add(Problem.of("reporters", "duty.error.reporters", MAX_REPORTERS));
        }
        Set<Long> subtree = new HashSet<>(org.subtreeIds(d.unitId()));
        Map<Long, MemberRow> people = new LinkedHashMap<>();
        for (Long id : d.reporterIds()) {
            Optional<MemberRow> m = id == null ? Optional.empty() : members.memberForSystem(id);
            if (m.isEmpty() || !m.get().active()) {
                problems.add(Problem.of("reporters", "duty.error.member"));
                continue;
            }
            if (!org.canManage(m.get().unitId())) {
                throw new AccessDeniedException("member " + id + " is outside your scope");
            }
            if (!subtree.contains(m.get().unitId())) {
                problems.add(Problem.of("reporters", "duty.error.member-unit", m.get().name()));
            }
            if (people.put(id, m.get()) != null) {
                problems.add(Problem.of("reporters", "duty.error.member-twice", m.get().name()));
            }
        }
        List<QuestionRow> pool = pool(d.banks(), d.tags());
        int needed = Math.max(1, d.perReporter()) * Math.max(1, d.reporterIds().size());
        if (pool.size() < needed) {
            problems.add(Problem.of("banks", "duty.error.pool", pool.size(), needed));
        }
        long objective = pool.stream().filter(q -> OBJECTIVE.contains(q.type())).count();
        if (d.writtenTest() && objective < 5) {
            problems.add(Problem.of("banks", "duty.error.test-pool", objective));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Instant now = clock.instant();
        long id = store.insertSession(name, d.year(), d.unitId(), d.meetingDay(), d.banks(), d.tags(),
                d.perReporter(), BigDecimal.valueOf(d.points()), d.timerSeconds(), CurrentUser.actor(), now);
        int position = 0;
        Long first = null;
        for (MemberRow m : people.values()) {
            long r = store.insertReporter(id, m.id(), ++position, m.post());
            first = first == null ? r : first;
        }
        store.setCurrent(id, first, false);
        String test = "";
        if (d.writtenTest()) {
            int n = (int) Math.min(TEST_QUESTIONS, objective);
            Paper paper = papers.create(d.unitId(), PaperDraft.drawn("述职主体责任知识测试（" + name + "）",
                    DrawMode.PER_ATTEMPT, List.of(DrawSection.of("主体责任知识", d.banks(), d.tags(), OBJECTIVE, n,
                            BigDecimal.valueOf(5)))));
            Instant closes = d.meetingDay().plusDays(1).atStartOfDay(clock.getZone()).toInstant().minusSeconds(1);
            ExamSettings s = ExamSettings.defaults("述职主体责任知识测试（" + name + "）", paper.id(), d.unitId(), now,
                            closes)
                    .withPurpose(ExamPurpose.DUTY_REPORT).withPassPercent(60).withTimeLimit(30)
                    .withAttempts(1, CountedAttempt.LAST)
                    .withDescription("述职评议书面测试，请在述职会议前完成。")
                    .withAudience(List.of(), List.copyOf(people.keySet()));
            Exam exam = exams.publish(exams.create(s).id());
            store.setExam(id, exam.id());
            test = ", written test exam " + exam.id() + " (" + n + " questions)";
        }
        audit.record("DUTY_SESSION_CREATE", "duty-session", id, name + " (year " + d.year() + ", unit "
                + d.unitId() + ", day " + d.meetingDay() + ", " + people.size() + " reporter(s), K=" + d.perReporter()
                + ", " + d.points() + " points, timer " + d.timerSeconds() + " s, banks " + d.banks() + ", tags "
                + d.tags() + test + ")");
        return row(store.session(id).orElseThrow());
    }

    /** The sessions of the units the caller may read, latest meeting first. */
    @PreAuthorize(READ)
    public List<SessionRow> sessions() {
        return store.sessions().stream().filter(s -> org.canRead(s.unitId())).map(this::row).toList();
    }

    @PreAuthorize(READ)
    public SessionRow session(long sessionId) {
        return row(readable(sessionId));
    }

    /** The reporters of a session with their results (the tally only once voting is closed). */
    @PreAuthorize(READ)
    public List<ReporterRow> reporters(long sessionId) {
        Session s = readable(sessionId);
        return reporterRows(s);
    }

    /** True when the caller may run the session (draw, mark, open voting ...). */
    @PreAuthorize("isAuthenticated()")
    public boolean canRun(long sessionId) {
        return store.session(sessionId).map(s -> org.canManage(s.unitId())).orElse(false);
    }

    // --- the live Q&A -----------------------------------------------------------------------------------------

    /** The control screen: the reporter on now, their questions with the answer key, what may be done next. */
    @PreAuthorize(MANAGE)
    public ControlState control(long sessionId) {
        Session s = manageable(sessionId);
        List<ReporterRow> all = reporterRows(s);
        ReporterRow now = s.currentReporterId() == null ? null
                : all.stream().filter(r -> r.id() == s.currentReporterId()).findFirst().orElse(null);
        List<DrawnQuestion> qs = now == null ? List.of()
                : store.draws(now.id()).stream().map(d -> drawn(d, s, true)).toList();
        List<Draw> draws = now == null ? List.of() : store.draws(now.id());
        boolean lastDone = draws.isEmpty() || draws.get(draws.size() - 1).done();
        boolean canDraw = now != null && lastDone && draws.size() < s.perReporter();
        boolean canNext = now != null && lastDone && draws.size() >= s.perReporter();
        return new ControlState(row(s), now, qs, canDraw, canNext, all);
    }

    /**
     * Draws the next question for the reporter on now, at random from the session's source without any question
     * drawn before in this session, and stores it before returning it. While the last drawn question is not yet
     * marked and revealed, returns that one instead (so a re-draw after a crash or a double click shows the same).
     *
     * @throws ValidationException the reporter has all K questions, the Q&A is finished, or the source is used up
     */
    @PreAuthorize(MANAGE)
    @Transactional
    public DrawnQuestion draw(long sessionId) {
        manageable(sessionId);
        Session s = store.lock(sessionId).orElseThrow();
        if (s.currentReporterId() == null) {
            throw new ValidationException(Problem.of("draw", "duty.error.finished"));
        }
        List<Draw> draws = store.draws(s.currentReporterId());
        if (!draws.isEmpty() && !draws.get(draws.size() - 1).done()) {
            return drawn(draws.get(draws.size() - 1), s, true);
        }
        if (draws.size() >= s.perReporter()) {
            throw new ValidationException(Problem.of("draw", "duty.error.all-drawn", s.perReporter()));
        }
        Set<String> used = new HashSet<>();
        store.sessionDraws(sessionId).forEach(d -> used.add(d.questionId()));
        List<QuestionRow> left = pool(s.banks(), s.tags()).stream().filter(q -> !used.contains(q.id())).toList();
        if (left.isEmpty()) {
            throw new ValidationException(Problem.of("draw", "duty.error.used-up"));
        }
        QuestionRow q = left.get(random.nextInt(left.size()));
        int seq = draws.size() + 1;
        store.insertDraw(sessionId, s.currentReporterId(), seq, q.id(), q.version(), clock.instant());
        audit.record("DUTY_DRAW", "duty-session", sessionId, reporterName(s.currentReporterId()) + " #" + seq + ": "
                + q.id() + " v" + q.version());
        List<Draw> after = store.draws(s.currentReporterId());
        return drawn(after.get(after.size() - 1), s, true);
    }

    /** Starts (or restarts) the timer of the current question. */
    @PreAuthorize(MANAGE)
    @Transactional
    public void startTimer(long sessionId) {
        Session s = manageable(sessionId);
        Draw d = openDraw(sessionId);
        if (s.timerSeconds() <= 0) {
            throw new ValidationException(Problem.of("timer", "duty.error.no-timer"));
        }
        store.startTimer(d.id(), clock.instant());
        audit.record("DUTY_TIMER", "duty-session", sessionId, reporterName(d.reporterId()) + " #" + d.seq() + " "
                + s.timerSeconds() + " s");
    }

    /** Marks the current question: correct = full points, partly = half, wrong = none; may be changed until the next draw. */
    @PreAuthorize(MANAGE)
    @Transactional
    public DrawnQuestion mark(long sessionId, Mark mark) {
        Session s = manageable(sessionId);
        if (mark == null) {
            throw new ValidationException(Problem.of("mark", "duty.error.mark"));
        }
        Draw d = openDraw(sessionId);
        BigDecimal awarded = mark.award(s.points());
        store.mark(d.id(), mark, awarded, clock.instant());
        audit.record("DUTY_MARK", "duty-session", sessionId, reporterName(d.reporterId()) + " #" + d.seq() + " "
                + d.questionId() + ": " + (d.mark() == null ? "" : d.mark() + " -> ") + mark + " ("
                + awarded.stripTrailingZeros().toPlainString() + ")");
        return drawn(store.draw(d.id()).orElseThrow(), s, true);
    }

    /** Shows the answer of the current question to the room (the presenter screen). */
    @PreAuthorize(MANAGE)
    @Transactional
    public DrawnQuestion reveal(long sessionId) {
        Session s = manageable(sessionId);
        Draw d = openDraw(sessionId);
        if (d.revealedAt() == null) {
            store.reveal(d.id(), clock.instant());
            audit.record("DUTY_REVEAL", "duty-session", sessionId, reporterName(d.reporterId()) + " #" + d.seq()
                    + " " + d.questionId());
        }
        return drawn(store.draw(d.id()).orElseThrow(), s, true);
    }

    /**
     * Goes on to the next reporter once the one on now has all K questions marked and revealed; after the last one
     * the Q&A is finished.
     */
    @PreAuthorize(MANAGE)
    @Transactional
    public ControlState next(long sessionId) {
        manageable(sessionId);
        Session s = store.lock(sessionId).orElseThrow();
        if (s.currentReporterId() == null) {
            throw new ValidationException(Problem.of("next", "duty.error.finished"));
        }
        List<Draw> draws = store.draws(s.currentReporterId());
        if (draws.size() < s.perReporter() || !draws.stream().allMatch(Draw::done)) {
            throw new ValidationException(Problem.of("next", "duty.error.not-done", s.perReporter()));
        }
        List<Reporter> all = store.reporters(sessionId);
        int i = 0;
        while (i < all.size() && all.get(i).id() != s.currentReporterId()) {
            i++;
        }
        Reporter following = i + 1 < all.size() ? all.get(i + 1) : null;
        store.setCurrent(sessionId, following == null ? null : following.id(), following == null);
        audit.record("DUTY_NEXT", "duty-session", sessionId, reporterName(s.currentReporterId()) + " -> "
                + (following == null ? "finished" : reporterName(following.id())));
        return control(sessionId);
    }

    /**
     * What the projector shows: the reporter on now and the current question; the answer only once revealed.
     * Organisers who may run the session only (the screen is opened in a second window of their login).
     */
    @PreAuthorize(MANAGE)
    public PresenterState presenter(long sessionId) {
        Session s = manageable(sessionId);
        List<Reporter> all = store.reporters(sessionId);
        if (s.currentReporterId() == null) {
            return new PresenterState(s.name(), null, null, all.size(), all.size(), 0, s.perReporter(), null, null,
                    List.of(), null, null, null, true);
        }
        int no = 0;
        Reporter now = null;
        for (Reporter r : all) {
            no++;
            if (r.id() == s.currentReporterId()) {
                now = r;
                break;
            }
        }
        long memberId = now.memberId();
        String name = members.namesForSystem(List.of(memberId)).getOrDefault(memberId, "");
        List<Draw> draws = store.draws(now.id());
        if (draws.isEmpty()) {
            return new PresenterState(s.name(), name, now.post(), no, all.size(), 0, s.perReporter(), null, null,
                    List.of(), null, null, null, false);
        }
        DrawnQuestion q = drawn(draws.get(draws.size() - 1), s, false);
        return new PresenterState(s.name(), name, now.post(), no, all.size(), q.seq(), s.perReporter(), q.type(),
                q.stem(), q.options(), q.answer(), q.explanation(), q.secondsLeft(), false);
    }

    // --- summary ----------------------------------------------------------------------------------------------

    /** The summary as an .xlsx workbook (one row per reporter); audited DUTY_EXPORT. */
    @PreAuthorize(READ)
    @Transactional
    public byte[] exportXlsx(long sessionId) {
        Session s = readable(sessionId);
        byte[] bytes = SummaryXlsx.write(row(s), reporterRows(s));
        audit.record("DUTY_EXPORT", "duty-session", sessionId, s.name() + " (" + bytes.length + " bytes)");
        return bytes;
    }

    // --- the written test -------------------------------------------------------------------------------------

    /** A graded attempt of a session's written test: the first one is the reporter's test score. */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(AttemptGraded e) {
        if (e.purpose() != ExamPurpose.DUTY_REPORT) {
            return;
        }
        store.sessionByExam(e.examId()).ifPresent(s -> store.reporters(s.id()).stream()
                .filter(r -> r.memberId() == e.memberId() && r.attemptId() == null).findFirst().ifPresent(r -> {
                    store.testResult(r.id(), e.attemptId(), e.score(), e.max(), today());
                    audit.recordAs(CurrentUser.SYSTEM, "DUTY_TEST_RESULT", "duty-session", s.id(),
                            reporterName(r.id()) + ": attempt " + e.attemptId() + ", "
                                    + e.score().toPlainString() + "/" + e.max().toPlainString(), null);
                }));
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    /**
     * The questions in use of the source: in one of the banks (any when none) with one of the tags (any when
     * none), by id.
     */
    List<QuestionRow> pool(List<String> banks, List<String> tags) {
        Map<String, QuestionRow> out = new LinkedHashMap<>();
        List<String> bs = banks.isEmpty() ? java.util.Collections.singletonList(null) : banks;
        List<String> ts = tags.isEmpty() ? java.util.Collections.singletonList(null) : tags;
        for (String b : bs) {
            for (String t : ts) {
                QuestionFilter f = QuestionFilter.all().withBank(b).withTag(t);
                int page = 0;
                while (true) {
                    QuestionPage p = questions.search(f, page, 500);
                    p.rows().stream().filter(q -> !q.retired() && (b == null || b.equals(q.bank())))
                            .forEach(q -> out.putIfAbsent(q.id(), q));
                    if ((long) (page + 1) * p.size() >= p.total() || p.rows().isEmpty()) {
                        break;
                    }
                    page++;
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    private Draw openDraw(long sessionId) {
        Session s = store.lock(sessionId).orElseThrow();
        if (s.currentReporterId() == null) {
            throw new ValidationException(Problem.of("draw", "duty.error.finished"));
        }
        List<Draw> draws = store.draws(s.currentReporterId());
        if (draws.isEmpty()) {
            throw new ValidationException(Problem.of("draw", "duty.error.no-question"));
        }
        return draws.get(draws.size() - 1);
    }

    private DrawnQuestion drawn(Draw d, Session s, boolean withKey) {
        Question q = questions.get(d.questionId(), d.version()).orElseThrow();
        boolean show = withKey || d.revealedAt() != null;
        Integer left = null;
        if (d.timerStartedAt() != null && s.timerSeconds() > 0) {
            long gone = Duration.between(d.timerStartedAt(), clock.instant()).getSeconds();
            left = (int) Math.max(0, s.timerSeconds() - gone);
        }
        return new DrawnQuestion(d.id(), d.seq(), q.id(), q.version(), q.type(), q.stem(), q.options(),
                show ? KeyText.of(q.answer()) : null, show ? q.explanation() : null, d.mark(), d.awarded(),
                d.revealedAt() != null, left);
    }

    private String reporterName(long reporterId) {
        long m = store.reporter(reporterId).orElseThrow().memberId();
        return members.namesForSystem(List.of(m)).getOrDefault(m, "#" + m) + " (" + m + ")";
    }

    private Session readable(long sessionId) {
        return access.readable(sessionId);
    }

    private Session manageable(long sessionId) {
        return access.manageable(sessionId);
    }

    List<ReporterRow> reporterRows(Session s) {
        List<Reporter> rs = store.reporters(s.id());
        Map<Long, MemberRow> people = new LinkedHashMap<>();
        rs.forEach(r -> members.memberForSystem(r.memberId()).ifPresent(m -> people.put(r.memberId(), m)));
        List<ReporterRow> out = new ArrayList<>();
        for (Reporter r : rs) {
            MemberRow m = people.get(r.memberId());
            List<Draw> draws = store.draws(r.id());
            BigDecimal score = draws.stream().map(Draw::awarded).filter(java.util.Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal max = s.points().multiply(BigDecimal.valueOf(s.perReporter()));
            out.add(new ReporterRow(r.id(), s.id(), r.memberId(), m == null ? "#" + r.memberId() : m.name(),
                    r.post(), r.position(), draws.size(), score, max, r.testScore(), r.testMax(), r.testOn(),
                    store.voters(r.id()), s.voting() == Voting.CLOSED ? store.tally(r.id()) : Map.of()));
        }
        return out;
    }

    SessionRow row(Session s) {
        String unit = org.unitForSystem(s.unitId()).map(UnitNode::name).orElse("");
        return new SessionRow(s.id(), s.name(), s.year(), s.unitId(), unit, s.meetingDay(), s.banks(), s.tags(),
                s.perReporter(), s.points(), s.timerSeconds(), s.examId(), s.currentReporterId(), s.qaFinished(),
                s.voting(), s.voting() == Voting.OPEN ? s.voteCode() : null, store.reporters(s.id()).size());
    }
}
