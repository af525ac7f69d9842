package org.mingze.quiz.exam;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mingze.base.audit.AuditLog;
import org.mingze.quiz.Question;
import org.mingze.quiz.QuestionType;
import org.mingze.quiz.Response;
import org.mingze.quiz.exam.internal.AttemptEngine;
import org.mingze.quiz.exam.internal.AttemptRepository;
import org.mingze.quiz.exam.internal.AttemptViews;
import org.mingze.quiz.exam.internal.Counting;
import org.mingze.quiz.exam.internal.Drawing;
import org.mingze.quiz.exam.internal.ExamAccess;
import org.mingze.quiz.exam.internal.ExamJdbc;
import org.mingze.quiz.exam.internal.ExamRepository;
import org.mingze.quiz.exam.internal.ExceptionRepository;
import org.mingze.quiz.exam.internal.ItemRow;
import org.mingze.quiz.exam.internal.Json;
import org.mingze.quiz.exam.internal.OpenAttempts;
import org.mingze.quiz.exam.internal.People;
import org.mingze.quiz.exam.internal.QuestionVersions;
import org.mingze.quiz.exam.internal.SaveWriter;
import org.mingze.quiz.exam.internal.StoredAttempt;
import org.mingze.quiz.exam.internal.StoredException;
import org.mingze.quiz.exam.internal.StoredExam;
import org.mingze.quiz.exam.internal.StoredPaper;
import org.mingze.quiz.exam.internal.PaperRepository;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The learner's side of a test, for the signed-in person (an account with a member) on their own attempts of
 * published tests whose audience includes them; anything else is refused with
 * {@link org.springframework.security.access.AccessDeniedException}. Holder tokens: each
 * {@link #startOrResume} issues a new one, and every later call of that page passes it; an older token gets
 * {@link AttemptTakenOverException}. A deadline that has passed closes and grades the attempt on the spot (the
 * sweeper does so every 5 s as well). Start, submit, automatic and tab-limit closes are audited (EXAM_ATTEMPT_START,
 * EXAM_ATTEMPT_SUBMIT, EXAM_ATTEMPT_TIMEOUT, EXAM_ATTEMPT_TAB_LIMIT).
 */
@Service
@PreAuthorize("isAuthenticated()")
public class AttemptService {

    /** The longest stored answer (JSON), about 6,000 Chinese characters of essay. */
    static final int MAX_RESPONSE = 20_000;
    /** Closed tests stay on the learner's list this long. */
    static final java.time.Duration RECENT = java.time.Duration.ofDays(30);

    private final ExamRepository exams;
    private final PaperRepository papers;
    private final AttemptRepository attempts;
    private final ExceptionRepository exceptions;
    private final ExamJdbc jdbc;
    private final Drawing drawing;
    private final AttemptEngine engine;
    private final AttemptViews views;
    private final QuestionVersions questions;
    private final People people;
    private final ExamAccess access;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final TransactionTemplate readTx;
    private final SecureRandom random = new SecureRandom();
    private final OpenAttempts shapes;
    private final SaveWriter writer;
    private final Object onceLock = new Object();

    AttemptService(ExamRepository exams, PaperRepository papers, AttemptRepository attempts,
                   ExceptionRepository exceptions, ExamJdbc jdbc, Drawing drawing, AttemptEngine engine,
                   AttemptViews views, QuestionVersions questions, People people, ExamAccess access, AuditLog audit,
                   OpenAttempts shapes, SaveWriter writer, PlatformTransactionManager txm) {
        this.shapes = shapes;
        this.writer = writer;
        this.exams = exams;
        this.papers = papers;
        this.attempts = attempts;
        this.exceptions = exceptions;
        this.jdbc = jdbc;
        this.drawing = drawing;
        this.engine = engine;
        this.views = views;
        this.questions = questions;
        this.people = people;
        this.access = access;
        this.audit = audit;
        this.tx = new TransactionTemplate(txm);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.readTx = new TransactionTemplate(txm);
        this.readTx.setReadOnly(true);
    }

    /** A test's settings for one person, their exception applied. */
    record Personal(Instant closesAt, Integer minutes, int attemptsAllowed) {
    }

    Personal personal(StoredExam e, long member) {
        return personal(e, exceptions.findByExamIdAndMemberId(e.getId(), member));
    }

    private static Personal personal(StoredExam e, Optional<StoredException> x) {
        Instant closes = x.map(StoredException::getClosesAt).filter(c -> c != null).orElse(e.getClosesAt());
        Integer minutes = e.getTimeLimitMinutes() == null ? null
                : e.getTimeLimitMinutes() + x.map(StoredException::getExtraMinutes).filter(m -> m != null).orElse(0);
        int allowed = e.getAttemptsAllowed() + x.map(StoredException::getExtraAttempts).orElse(0);
        return new Personal(closes, minutes, allowed);
    }

    private People.Person me() {
        long member = access.member();
        return people.person(member).orElseThrow(() -> ExamAccess.invalid("member", "exam.error.no-member"));
    }

    /** The test if it is published (or closed by time) and the person is in its audience. */
    private StoredExam audienceExam(long examId, People.Person p) {
        StoredExam e = exams.findById(examId).orElseThrow(() -> ExamAccess.invalid("exam", "exam.error.missing"));
        if (e.getStatus() != ExamStatus.PUBLISHED
                || !people.inAudience(p, jdbc.audienceUnits(examId), jdbc.audienceMembers(examId))) {
            throw new AccessDeniedException("exam " + examId + " is not for member " + p.memberId());
        }
        return e;
    }

    /** The person's attempts of every test by test (attempt number order), each overdue one closed first. */
    private Map<Long, List<StoredAttempt>> attemptsByExam(long member, Instant now) {
        List<StoredAttempt> all = attempts.findByMemberId(member);
        boolean changed = false;
        for (StoredAttempt a : all) {
            if (a.getStatus() == AttemptStatus.IN_PROGRESS && !now.isBefore(a.getDeadline())) {
                engine.close(a.getId(), ClosedBy.DEADLINE);
                changed = true;
            }
        }
        if (changed) {
            all = attempts.findByMemberId(member);
        }
        Map<Long, List<StoredAttempt>> out = new HashMap<>();
        all.stream().sorted(Comparator.comparingInt(StoredAttempt::getAttemptNo))
                .forEach(a -> out.computeIfAbsent(a.getExamId(), k -> new ArrayList<>()).add(a));
        return out;
    }

    /** The person's attempts of the test, each overdue one closed first. */
    private List<StoredAttempt> attemptsOf(long examId, long member) {
        List<StoredAttempt> list = attempts.findByExamIdAndMemberIdOrderByAttemptNoAsc(examId, member);
        Instant now = engine.now();
        boolean changed = false;
        for (StoredAttempt a : list) {
            if (a.getStatus() == AttemptStatus.IN_PROGRESS && !now.isBefore(a.getDeadline())) {
                engine.close(a.getId(), ClosedBy.DEADLINE);
                changed = true;
            }
        }
        return changed ? attempts.findByExamIdAndMemberIdOrderByAttemptNoAsc(examId, member) : list;
    }

    /**
     * The tests open, upcoming or recently closed for the signed-in person (published, audience includes them;
     * archived ones left out), the ones needing action first.
     * <p>Who: any signed-in person with a member (an account without one gets an empty list).
     */
    public List<ExamCard> myExams() {
        Long memberId = org.mingze.base.security.CurrentUser.require().memberId();
        if (memberId == null) {
            return List.of();
        }
        People.Person p = people.person(memberId).orElse(null);
        if (p == null) {
            return List.of();
        }
        Instant now = engine.now();
        // a fixed number of statements whatever the number of tests: the tests whose audience includes the person,
        // then the person's exceptions and attempts of all tests
        List<StoredExam> mineExams = exams.findAllById(jdbc.publishedFor(p.memberId(), p.unitPath())).stream()
                .sorted(Comparator.comparing(StoredExam::getClosesAt).reversed()).toList();
        if (mineExams.isEmpty()) {
            return List.of();
        }
        Map<Long, StoredException> granted = new HashMap<>();
        exceptions.findByMemberId(p.memberId()).forEach(x -> granted.put(x.getExamId(), x));
        Map<Long, List<StoredAttempt>> tried = attemptsByExam(p.memberId(), now);
        List<ExamCard> cards = new ArrayList<>();
        for (StoredExam e : mineExams) {
            Personal mine = personal(e, Optional.ofNullable(granted.get(e.getId())));
            List<StoredAttempt> list = tried.getOrDefault(e.getId(), List.of());
            if (!now.isBefore(mine.closesAt()) && now.isAfter(mine.closesAt().plus(RECENT)) && list.isEmpty()) {
                continue;
            }
            Long open = list.stream().filter(a -> a.getStatus() == AttemptStatus.IN_PROGRESS)
                    .map(StoredAttempt::getId).findFirst().orElse(null);
            Long last = list.stream().filter(a -> a.getStatus().closed()).map(StoredAttempt::getId)
                    .reduce((a, b) -> b).orElse(null);
            ExamCard.State state = open != null ? ExamCard.State.IN_PROGRESS
                    : now.isBefore(e.getOpensAt()) ? ExamCard.State.UPCOMING
                    : !now.isBefore(mine.closesAt()) ? ExamCard.State.CLOSED
                    : list.size() >= mine.attemptsAllowed() ? ExamCard.State.DONE : ExamCard.State.OPEN;
            cards.add(new ExamCard(e.getId(), e.getTitle(), e.getPurpose(), e.getOpensAt(), mine.closesAt(),
                    mine.minutes(), mine.attemptsAllowed(), list.size(), state, open, last));
        }
        cards.sort(Comparator.comparing((ExamCard c) -> switch (c.state()) {
            case IN_PROGRESS -> 0;
            case OPEN -> 1;
            case UPCOMING -> 2;
            case DONE -> 3;
            case CLOSED -> 4;
        }).thenComparing(ExamCard::closesAt));
        return cards;
    }

    /**
     * The start page of a test for the signed-in person (rules, attempts so far, whether one may start).
     * <p>Who: a member in the test's audience.
     *
     * @throws org.springframework.security.access.AccessDeniedException not in the audience, or the test is not
     *         published
     * @throws org.mingze.base.validation.ValidationException unknown test, or no member behind the account
     */
    public ExamIntro intro(long examId) {
        People.Person p = me();
        StoredExam e = audienceExam(examId, p);
        Personal mine = personal(e, p.memberId());
        List<StoredAttempt> list = attemptsOf(examId, p.memberId());
        Instant now = engine.now();
        StoredPaper paper = papers.findById(e.getPaperId()).orElseThrow();
        Long open = list.stream().filter(a -> a.getStatus() == AttemptStatus.IN_PROGRESS).map(StoredAttempt::getId)
                .findFirst().orElse(null);
        ExamIntro.Blocked blocked = open != null ? null
                : now.isBefore(e.getOpensAt()) ? ExamIntro.Blocked.NOT_OPEN_YET
                : !now.isBefore(mine.closesAt()) ? ExamIntro.Blocked.CLOSED
                : list.size() >= mine.attemptsAllowed() ? ExamIntro.Blocked.NO_ATTEMPTS_LEFT : null;
        boolean reviewOpen = !e.review().onlyAfterClose() || !now.isBefore(mine.closesAt());
        List<AttemptSummary> summaries = list.stream().map(a -> {
            boolean show = reviewOpen && a.getStatus() == AttemptStatus.GRADED;
            return new AttemptSummary(a.getId(), a.getAttemptNo(), a.getStatus(), a.getClosedBy(), a.getStartedAt(),
                    a.getClosedAt(), show ? a.getScore() : null, a.getMaxPoints(), show ? a.getPassed() : null);
        }).toList();
        return new ExamIntro(e.getId(), e.getTitle(), e.getDescription(), e.getPurpose(), e.getOpensAt(),
                mine.closesAt(), mine.minutes(), paper.getQuestionCount(), paper.getMaxPoints(), e.getPassPercent(),
                e.getNavigation(), e.review(), e.tabLeave(), mine.attemptsAllowed(), list.size(), blocked == null,
                blocked, open, summaries);
    }

    /**
     * Resumes the person's attempt in progress, or starts a new one (drawing its questions, shuffling as set, fixing
     * the deadline). Either way a new holder token is issued: another tab or device holding the attempt is taken
     * over. Every answer saved so far is in the view. Starting is audited.
     * <p>Who: a member in the test's audience.
     *
     * @throws org.springframework.security.access.AccessDeniedException not in the audience, or not published
     * @throws org.mingze.base.validation.ValidationException unknown test; not open yet (exam.error.not-open),
     *         closed (exam.error.closed), no attempts left (exam.error.no-attempts), or its questions cannot be
     *         drawn any more (exam.error.draw)
     */
    public AttemptView startOrResume(long examId) {
        People.Person p = me();
        StoredExam e = audienceExam(examId, p);
        try {
            return startOrResume(e, p);
        } catch (DataIntegrityViolationException twoAtOnce) {
            // another tab started the same attempt number at the same moment: resume that one
            return startOrResume(e, p);
        }
    }

    private AttemptView startOrResume(StoredExam e, People.Person p) {
        long member = p.memberId();
        List<StoredAttempt> list = attemptsOf(e.getId(), member);
        Instant now = engine.now();
        String token = java.util.UUID.randomUUID().toString();
        Optional<StoredAttempt> open = list.stream().filter(a -> a.getStatus() == AttemptStatus.IN_PROGRESS)
                .findFirst();
        if (open.isPresent()) {
            StoredAttempt a = tx.execute(s -> {
                StoredAttempt locked = attempts.lock(open.get().getId()).orElseThrow();
                locked.hold(token);
                audit.record("EXAM_ATTEMPT_RESUME", "attempt", locked.getId(), "exam " + e.getId() + " #"
                        + locked.getAttemptNo());
                return attempts.saveAndFlush(locked);
            });
            return views.view(a, e, jdbc.items(a.getId()), now);
        }
        Personal mine = personal(e, member);
        if (now.isBefore(e.getOpensAt())) {
            throw ExamAccess.invalid("exam", "exam.error.not-open", e.getOpensAt());
        }
        if (!now.isBefore(mine.closesAt())) {
            throw ExamAccess.invalid("exam", "exam.error.closed");
        }
        if (list.size() >= mine.attemptsAllowed()) {
            throw ExamAccess.invalid("exam", "exam.error.no-attempts", mine.attemptsAllowed());
        }
        StoredPaper paper = papers.findById(e.getPaperId()).orElseThrow();
        List<ExamJdbc.Placed> placed = placed(e, paper);
        List<ExamJdbc.NewItem> items = new ArrayList<>();
        for (ExamJdbc.Placed pl : placed) {
            Question q = questions.get(pl.questionId(), pl.version());
            int[] order = new int[0];
            if (e.isShuffleOptions() && q.type().hasOptions()) {
                List<Integer> idx = new ArrayList<>();
                for (int i = 0; i < q.options().size(); i++) {
                    idx.add(i);
                }
                Collections.shuffle(idx, random);
                order = idx.stream().mapToInt(Integer::intValue).toArray();
            }
            items.add(new ExamJdbc.NewItem(pl.questionId(), pl.version(), pl.points(), order));
        }
        if (e.isShuffleQuestions()) {
            Collections.shuffle(items, random);
        }
        BigDecimal max = placed.stream().map(ExamJdbc.Placed::points).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
        Instant deadline = mine.minutes() == null ? mine.closesAt()
                : min(now.plus(mine.minutes(), ChronoUnit.MINUTES), mine.closesAt());
        int number = list.size() + 1;
        StoredAttempt a = tx.execute(s -> {
            StoredAttempt created = attempts.saveAndFlush(new StoredAttempt(e.getId(), member, number, now, deadline,
                    token, items.size(), max));
            jdbc.insertItems(created.getId(), items);
            audit.record("EXAM_ATTEMPT_START", "attempt", created.getId(), "exam " + e.getId() + " member " + member
                    + " #" + number + ", " + items.size() + " questions, deadline " + deadline);
            return created;
        });
        return views.view(a, e, jdbc.items(a.getId()), now);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** The questions of a new attempt: the fixed ones, a fresh draw, or the test's one draw. */
    private List<ExamJdbc.Placed> placed(StoredExam e, StoredPaper paper) {
        try {
            if (paper.getKind() == PaperKind.FIXED) {
                return jdbc.paperItems(paper.getId());
            }
            if (paper.getDrawMode() == DrawMode.ONCE) {
                synchronized (onceLock) {
                    List<ExamJdbc.Placed> once = jdbc.onceDraw(e.getId());
                    if (once.isEmpty()) {
                        List<ExamJdbc.Placed> drawn = drawing.draw(jdbc.paperSections(paper.getId()), random);
                        tx.executeWithoutResult(s -> jdbc.saveOnceDraw(e.getId(), drawn));
                        once = drawn;
                    }
                    return once;
                }
            }
            return drawing.draw(jdbc.paperSections(paper.getId()), random);
        } catch (Drawing.Unfillable u) {
            throw ExamAccess.invalid("exam", "exam.error.draw");
        }
    }

    /**
     * Stores an answer at a position, replacing the one before. Choices are indexes into the options as shown in
     * this attempt. It returns only after the commit: the answer is then stored durably and the page may show 已保存.
     * A retried save of the same answer is harmless. One guarded UPDATE, committed alone or together with saves
     * of other candidates waiting at the same moment (group commit, decision 0009); either way before this returns.
     * <p>Who: the attempt's own member, holding the current token.
     *
     * @throws AttemptTakenOverException the token is stale (the attempt continued elsewhere)
     * @throws AttemptClosedException the attempt was submitted, or its deadline has passed (it is closed now)
     * @throws org.springframework.security.access.AccessDeniedException someone else's attempt
     * @throws org.mingze.base.validation.ValidationException unknown attempt, position out of range, or a response
     *         that does not fit the question (a choice index out of range, too long a text)
     */
    public SaveAck save(long attemptId, String holderToken, int position, Response response) {
        long member = access.member();
        OpenAttempts.Open open = shapes.get(attemptId, this::shape);
        if (open == null || open.memberId() != member) {
            // someone else's attempt is refused before its shape is looked at (no position or type leaks)
            diagnose(attemptId, member, holderToken);
        }
        OpenAttempts.Shape[] shape = open.shapes();
        if (position < 0 || position >= shape.length) {
            throw ExamAccess.invalid("position", "exam.error.position", shape.length);
        }
        Response r = check(shape[position], response);
        String json = Json.response(r);
        if (json != null && json.length() > MAX_RESPONSE) {
            throw ExamAccess.invalid("response", "exam.error.too-long");
        }
        Instant now = engine.now();
        // committed when it returns (alone or in a group commit with other saves: decision 0009)
        if (writer.save(attemptId, member, holderToken, position, json, now) != 1) {
            diagnose(attemptId, member, holderToken);
        }
        return new SaveAck(attemptId, position, now, open.deadline(), now);
    }

    /** An attempt in progress as a save needs it, or null when it is not (any more) in progress. */
    private OpenAttempts.Open shape(long attemptId) {
        StoredAttempt a = attempts.findById(attemptId).orElse(null);
        if (a == null || a.getStatus() != AttemptStatus.IN_PROGRESS) {
            return null;
        }
        OpenAttempts.Shape[] shape = jdbc.items(attemptId).stream().map(i -> {
            Question q = questions.get(i.questionId(), i.version());
            return new OpenAttempts.Shape(q.type(), q.options().size(), q.blankCount());
        }).toArray(OpenAttempts.Shape[]::new);
        return new OpenAttempts.Open(a.getMemberId(), shape, a.getDeadline());
    }

    /** The response reduced to what the question's type uses; choices must be options of it. */
    private static Response check(OpenAttempts.Shape s, Response r) {
        if (r == null) {
            return Response.EMPTY;
        }
        switch (s.type()) {
            case SINGLE, MULTIPLE -> {
                if (r.choices().stream().anyMatch(c -> c == null || c < 0 || c >= s.options())
                        || (s.type() == QuestionType.SINGLE && r.choices().size() > 1)) {
                    throw ExamAccess.invalid("response", "exam.error.choice");
                }
                return Response.choices(r.choices());
            }
            case JUDGE -> {
                return new Response(List.of(), r.judge(), List.of(), null);
            }
            case FILL -> {
                if (r.blanks().size() > Math.max(1, s.blanks())) {
                    throw ExamAccess.invalid("response", "exam.error.blanks", s.blanks());
                }
                return Response.blanks(r.blanks());
            }
            default -> {
                return Response.essay(r.text());
            }
        }
    }

    /** The person's own attempt (read); someone else's is refused, an unknown one is a validation error. */
    private StoredAttempt own(long attemptId, long member) {
        return own(attempts.findById(attemptId), attemptId, member);
    }

    private static StoredAttempt own(Optional<StoredAttempt> found, long attemptId, long member) {
        StoredAttempt a = found.orElseThrow(() -> ExamAccess.invalid("attempt", "exam.error.attempt-missing"));
        if (a.getMemberId() != member) {
            throw new AccessDeniedException("attempt " + attemptId + " belongs to someone else");
        }
        return a;
    }

    /** Why a guarded update changed nothing: always throws. */
    private void diagnose(long attemptId, long member, String token) {
        StoredAttempt a = own(attemptId, member);
        if (a.getStatus().closed()) {
            shapes.forget(attemptId);
            throw new AttemptClosedException(attemptId, a.getClosedBy());
        }
        if (!engine.now().isBefore(a.getDeadline())) {
            engine.close(attemptId, ClosedBy.DEADLINE);
            throw new AttemptClosedException(attemptId, ClosedBy.DEADLINE);
        }
        if (!a.getHolderToken().equals(token)) {
            throw new AttemptTakenOverException(attemptId);
        }
        StoredAttempt again = attempts.findById(attemptId).orElseThrow();
        throw new AttemptClosedException(attemptId, again.getClosedBy() == null ? ClosedBy.LEARNER
                : again.getClosedBy());
    }

    /**
     * Marks or unmarks a question for review (the navigator shows it); returns after the commit.
     * <p>Who: the attempt's own member, holding the current token.
     *
     * @throws AttemptTakenOverException the token is stale
     * @throws AttemptClosedException closed or past the deadline
     * @throws org.springframework.security.access.AccessDeniedException someone else's attempt
     * @throws org.mingze.base.validation.ValidationException unknown attempt or position out of range
     */
    public void flag(long attemptId, String holderToken, int position, boolean flagged) {
        long member = access.member();
        Instant now = engine.now();
        Integer rows = tx.execute(s -> jdbc.flag(attemptId, member, holderToken, position, flagged, now));
        if (rows == null || rows != 1) {
            StoredAttempt a = attempts.findById(attemptId).orElse(null);
            if (a != null && a.getMemberId() == member && a.getStatus() == AttemptStatus.IN_PROGRESS
                    && now.isBefore(a.getDeadline()) && a.getHolderToken().equals(holderToken)) {
                throw ExamAccess.invalid("position", "exam.error.position", a.getQuestionCount());
            }
            diagnose(attemptId, member, holderToken);
        }
    }

    /**
     * Counts one leave of the test's tab (the page calls it when the browser reports the page hidden). At the
     * SUBMIT_AFTER limit the attempt is closed and graded (audited EXAM_ATTEMPT_TAB_LIMIT).
     * <p>Who: the attempt's own member, holding the current token.
     *
     * @throws AttemptTakenOverException the token is stale
     * @throws AttemptClosedException closed or past the deadline
     * @throws org.springframework.security.access.AccessDeniedException someone else's attempt
     * @throws org.mingze.base.validation.ValidationException unknown attempt
     */
    public TabLeaveResult tabLeft(long attemptId, String holderToken) {
        long member = access.member();
        StoredAttempt a = tx.execute(s -> {
            StoredAttempt locked = own(attempts.lock(attemptId), attemptId, member);
            if (locked.getStatus() != AttemptStatus.IN_PROGRESS || !engine.now().isBefore(locked.getDeadline())
                    || !locked.getHolderToken().equals(holderToken)) {
                return null;
            }
            locked.leaveTab();
            return attempts.saveAndFlush(locked);
        });
        if (a == null) {
            diagnose(attemptId, member, holderToken);
        }
        TabLeavePolicy policy = exams.findById(a.getExamId()).orElseThrow().tabLeave();
        if (policy.action() == TabLeaveAction.SUBMIT_AFTER && a.getTabLeaves() >= policy.limit()) {
            engine.close(attemptId, ClosedBy.TAB_LIMIT);
            return new TabLeaveResult(a.getTabLeaves(), policy.limit(), TabLeaveResult.Outcome.CLOSED);
        }
        return new TabLeaveResult(a.getTabLeaves(), policy.action() == TabLeaveAction.SUBMIT_AFTER
                ? policy.limit() : 0, policy.action() == TabLeaveAction.COUNT ? TabLeaveResult.Outcome.COUNTED
                : TabLeaveResult.Outcome.WARNED);
    }

    /**
     * The page's countdown reached zero: the server decides. If the attempt's deadline has passed (or the attempt is
     * already closed) it is closed at the deadline and graded, and this returns empty; if the deadline moved later
     * (an organiser granted more time while the page was open), the attempt stays open and this returns the new
     * deadline for the countdown.
     * <p>Who: the attempt's own member (the token is not needed: closing at the deadline is right whoever asks).
     *
     * @throws org.springframework.security.access.AccessDeniedException someone else's attempt
     * @throws org.mingze.base.validation.ValidationException unknown attempt
     */
    public Optional<Instant> timeUp(long attemptId) {
        long member = access.member();
        StoredAttempt a = own(attemptId, member);
        if (a.getStatus() == AttemptStatus.IN_PROGRESS) {
            if (engine.now().isBefore(a.getDeadline())) {
                return Optional.of(a.getDeadline());
            }
            engine.close(attemptId, ClosedBy.DEADLINE);
        }
        return Optional.empty();
    }

    /**
     * Submits the attempt: closes and grades it (essays go to the grading queue), records wrong answers in the
     * wrong-answer book, audits it and publishes {@link AttemptSubmitted} (and {@link AttemptGraded} when nothing
     * waits). Idempotent: a closed attempt (submitted, timed out, closed by the tab limit) returns its one result
     * with {@code alreadyClosed}, whatever the token.
     * <p>Who: the attempt's own member; for an attempt in progress holding the current token.
     *
     * @throws AttemptTakenOverException the attempt is in progress and the token is stale
     * @throws org.springframework.security.access.AccessDeniedException someone else's attempt
     * @throws org.mingze.base.validation.ValidationException unknown attempt
     */
    public SubmitResult submit(long attemptId, String holderToken) {
        long member = access.member();
        StoredAttempt a = own(attemptId, member);
        if (a.getStatus() == AttemptStatus.IN_PROGRESS && engine.now().isBefore(a.getDeadline())
                && !a.getHolderToken().equals(holderToken)) {
            throw new AttemptTakenOverException(attemptId);
        }
        ClosedBy by = a.getStatus() == AttemptStatus.IN_PROGRESS && !engine.now().isBefore(a.getDeadline())
                ? ClosedBy.DEADLINE : ClosedBy.LEARNER;
        AttemptEngine.Closed closed = engine.close(attemptId, by);
        StoredAttempt c = closed.attempt();
        return new SubmitResult(attemptId, c.getExamId(), c.getStatus(), c.getClosedBy(), c.getClosedAt(),
                !closed.now() || c.getClosedBy() != ClosedBy.LEARNER);
    }

    /**
     * The person's closed attempt, with what the test's review policy allows now and nothing more. An attempt past
     * its deadline is closed first.
     * <p>Who: the attempt's own member.
     *
     * @throws org.springframework.security.access.AccessDeniedException someone else's attempt
     * @throws org.mingze.base.validation.ValidationException unknown attempt, or it is still in progress
     *         (exam.error.in-progress)
     */
    public AttemptResult result(long attemptId) {
        long member = access.member();
        StoredAttempt a = own(attemptId, member);
        if (a.getStatus() == AttemptStatus.IN_PROGRESS && !engine.now().isBefore(a.getDeadline())) {
            a = engine.close(attemptId, ClosedBy.DEADLINE).attempt();
        }
        if (a.getStatus() == AttemptStatus.IN_PROGRESS) {
            throw ExamAccess.invalid("attempt", "exam.error.in-progress");
        }
        StoredExam e = exams.findById(a.getExamId()).orElseThrow();
        Personal mine = personal(e, member);
        boolean open = !e.review().onlyAfterClose() || !engine.now().isBefore(mine.closesAt());
        List<StoredAttempt> all = attempts.findByExamIdAndMemberIdOrderByAttemptNoAsc(e.getId(), member);
        long id = a.getId();
        boolean counted = Counting.counted(all, e.getCounted()).map(x -> x.getId() == id).orElse(false);
        String name = people.person(member).map(People.Person::name).orElse("");
        return views.result(a, e, name, jdbc.items(attemptId), open ? e.review().level() : null,
                open ? null : mine.closesAt(), counted);
    }
}
