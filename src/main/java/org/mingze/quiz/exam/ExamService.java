package org.mingze.quiz.exam;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.validation.Problem;
import org.mingze.base.validation.ValidationException;
import org.mingze.quiz.Grade;
import org.mingze.quiz.Question;
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
import org.mingze.quiz.exam.internal.PaperRepository;
import org.mingze.quiz.exam.internal.OpenAttempts;
import org.mingze.quiz.exam.internal.People;
import org.mingze.quiz.exam.internal.QuestionVersions;
import org.mingze.quiz.exam.internal.Statistics;
import org.mingze.quiz.exam.internal.StoredAttempt;
import org.mingze.quiz.exam.internal.StoredException;
import org.mingze.quiz.exam.internal.StoredExam;
import org.mingze.quiz.exam.internal.StoredPaper;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tests (考试/测试) for the people who run them. Organisers manage the tests of units in their scope (by the test's
 * owner unit), administrators all; auditors read everything (lists, monitor, results, statistics, export) and change
 * nothing; learners are refused (they use {@link AttemptService}). Creating, changing, publishing, archiving and
 * granting exceptions are audited (EXAM_CREATE, EXAM_UPDATE, EXAM_PUBLISH, EXAM_ARCHIVE, EXAM_EXCEPTION).
 */
@Service
@Transactional(readOnly = true)
public class ExamService {

    static final int MAX_MINUTES = 600;
    static final int MAX_ATTEMPTS = 20;

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
    private final MessageSource messages;
    private final Clock clock;
    private final OpenAttempts open;

    ExamService(ExamRepository exams, PaperRepository papers, AttemptRepository attempts,
                ExceptionRepository exceptions, ExamJdbc jdbc, Drawing drawing, AttemptEngine engine,
                AttemptViews views, QuestionVersions questions, People people, ExamAccess access, AuditLog audit,
                MessageSource messages, Clock clock, OpenAttempts open) {
        this.open = open;
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
        this.messages = messages;
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private StoredExam readable(long examId) {
        StoredExam e = exams.findById(examId).orElseThrow(() -> ExamAccess.invalid("exam", "exam.error.missing"));
        access.requireRead(e.getOwnerUnitId());
        return e;
    }

    private StoredExam manageable(long examId) {
        StoredExam e = exams.findById(examId).orElseThrow(() -> ExamAccess.invalid("exam", "exam.error.missing"));
        access.requireManage(e.getOwnerUnitId());
        return e;
    }

    /** Checks every setting; throws with all problems found, or AccessDenied for units outside the scope. */
    private StoredPaper validate(ExamSettings s) {
        if (s == null) {
            throw ExamAccess.invalid("title", "exam.error.title");
        }
        List<Problem> problems = new ArrayList<>();
        if (s.ownerUnitId() <= 0 || people.unitName(s.ownerUnitId()).isEmpty()) {
            problems.add(Problem.of("ownerUnitId", "exam.admin.owner-required"));
        } else {
            access.requireManage(s.ownerUnitId());
        }
        if (s.title() == null || s.title().isBlank() || s.title().trim().length() > 200) {
            problems.add(Problem.of("title", "exam.error.title"));
        }
        if (s.description() != null && s.description().length() > 4000) {
            problems.add(Problem.of("description", "exam.error.description"));
        }
        StoredPaper paper = papers.findById(s.paperId()).orElse(null);
        if (paper == null || !access.canRead(paper.getOwnerUnitId())) {
            problems.add(Problem.of("paperId", "exam.error.paper"));
        }
        if (s.opensAt() == null || s.closesAt() == null || !s.closesAt().isAfter(s.opensAt())) {
            problems.add(Problem.of("closesAt", "exam.error.window"));
        }
        if (s.timeLimitMinutes() != null && (s.timeLimitMinutes() < 1 || s.timeLimitMinutes() > MAX_MINUTES)) {
            problems.add(Problem.of("timeLimitMinutes", "exam.error.time-limit", MAX_MINUTES));
        }
        if (s.attemptsAllowed() < 1 || s.attemptsAllowed() > MAX_ATTEMPTS) {
            problems.add(Problem.of("attemptsAllowed", "exam.error.attempts", MAX_ATTEMPTS));
        }
        if (s.passPercent() < 0 || s.passPercent() > 100) {
            problems.add(Problem.of("passPercent", "exam.error.pass"));
        }
        if (s.purpose() == null || s.counted() == null || s.navigation() == null || s.review() == null
                || s.multiplePolicy() == null || s.tabLeave() == null) {
            problems.add(Problem.of("purpose", "exam.error.required"));
        } else if (s.tabLeave().action() == TabLeaveAction.SUBMIT_AFTER
                && (s.tabLeave().limit() < 1 || s.tabLeave().limit() > 99)) {
            problems.add(Problem.of("tabLeave", "exam.error.tab-limit"));
        }
        if (s.audienceUnits().isEmpty() && s.audienceMembers().isEmpty()) {
            problems.add(Problem.of("audienceUnits", "exam.error.audience"));
        }
        for (Long unit : s.audienceUnits()) {
            if (unit == null || people.unitPath(unit).isEmpty()) {
                problems.add(Problem.of("audienceUnits", "exam.error.audience-unit"));
            } else {
                access.requireManage(unit);
            }
        }
        for (Long member : s.audienceMembers()) {
            if (member == null || !people.memberExists(member)) {
                problems.add(Problem.of("audienceMembers", "exam.error.audience-member"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return paper;
    }

    private Exam exam(StoredExam e) {
        StoredPaper p = papers.findById(e.getPaperId()).orElseThrow();
        long count = attempts.countByExamId(e.getId());
        return new Exam(e.getId(), e.settings(jdbc.audienceUnits(e.getId()), jdbc.audienceMembers(e.getId())),
                e.effectiveStatus(now()), people.unitName(e.getOwnerUnitId()).orElse(""), p.getTitle(),
                p.getMaxPoints(), p.getQuestionCount(), count, count == 0, e.getCreatedAt(), e.getCreatedBy(),
                e.getPublishedAt());
    }

    private static String summary(ExamSettings s) {
        return s.title().trim() + " (" + s.purpose() + ", paper " + s.paperId() + ", " + s.opensAt() + " - "
                + s.closesAt() + (s.timeLimitMinutes() == null ? "" : ", " + s.timeLimitMinutes() + " min") + ", "
                + s.attemptsAllowed() + " attempt(s) " + s.counted() + ", pass " + s.passPercent() + "%, review "
                + s.review().level() + (s.review().onlyAfterClose() ? " after close" : "") + ", tabs "
                + s.tabLeave().action() + (s.tabLeave().action() == TabLeaveAction.SUBMIT_AFTER
                ? " " + s.tabLeave().limit() : "") + ", units " + s.audienceUnits() + ", members "
                + s.audienceMembers() + ")";
    }

    /** The people of the test: its audience, and anyone else who has an attempt. */
    private List<People.Person> participants(StoredExam e, Map<Long, List<StoredAttempt>> byMember) {
        List<People.Person> list = new ArrayList<>(people.audience(jdbc.audienceUnits(e.getId()),
                jdbc.audienceMembers(e.getId())));
        java.util.Set<Long> seen = list.stream().map(People.Person::memberId).collect(Collectors.toSet());
        List<Long> others = byMember.keySet().stream().filter(m -> !seen.contains(m)).toList();
        list.addAll(people.people(others).values());
        return list;
    }

    private Map<Long, List<StoredAttempt>> attemptsByMember(long examId) {
        return attempts.findByExamIdOrderByMemberIdAscAttemptNoAsc(examId).stream()
                .collect(Collectors.groupingBy(StoredAttempt::getMemberId, LinkedHashMap::new, Collectors.toList()));
    }

    /** Closes the test's attempts whose deadline has passed. */
    private void closeOverdue(long examId) {
        Instant now = now();
        for (Long id : attempts.idsByStatus(examId, AttemptStatus.IN_PROGRESS)) {
            attempts.findById(id).filter(a -> !now.isBefore(a.getDeadline()))
                    .ifPresent(a -> engine.close(id, ClosedBy.DEADLINE));
        }
    }

    /**
     * Creates a test as a DRAFT.
     * <p>Who: organisers whose scope includes the owner unit (and, for the paper, its unit), administrators.
     *
     * @throws org.springframework.security.access.AccessDeniedException owner unit, paper or an audience unit outside
     *         the caller's scope
     * @throws org.mingze.base.validation.ValidationException a setting is missing or out of range (title, window,
     *         time limit, attempts, pass mark, tab-leave limit, empty audience, unknown paper)
     */
    @PreAuthorize(PaperService.MANAGE)
    @Transactional
    public Exam create(ExamSettings settings) {
        validate(settings);
        Instant now = now();
        StoredExam e = new StoredExam(now, CurrentUser.actor());
        e.apply(settings, now, CurrentUser.actor());
        e = exams.saveAndFlush(e);
        jdbc.replaceAudience(e.getId(), settings.audienceUnits(), settings.audienceMembers());
        audit.record("EXAM_CREATE", "exam", e.getId(), summary(settings));
        return exam(e);
    }

    /**
     * Changes a test's settings. Once it has attempts its paper cannot change (exam.error.paper-locked).
     * <p>Who: organisers of its owner unit, administrators.
     *
     * @throws org.springframework.security.access.AccessDeniedException outside the caller's scope
     * @throws org.mingze.base.validation.ValidationException as {@link #create}; unknown or archived test
     */
    @PreAuthorize(PaperService.MANAGE)
    @Transactional
    public Exam update(long examId, ExamSettings settings) {
        StoredExam e = manageable(examId);
        if (e.getStatus() == ExamStatus.ARCHIVED) {
            throw ExamAccess.invalid("exam", "exam.error.archived");
        }
        validate(settings);
        if (settings.paperId() != e.getPaperId() && attempts.countByExamId(examId) > 0) {
            throw ExamAccess.invalid("paperId", "exam.error.paper-locked");
        }
        Instant now = now();
        e.apply(settings, now, CurrentUser.actor());
        exams.saveAndFlush(e);
        jdbc.replaceAudience(examId, settings.audienceUnits(), settings.audienceMembers());
        audit.record("EXAM_UPDATE", "exam", examId, summary(settings));
        return exam(e);
    }

    /**
     * Publishes a draft: its audience sees it from its open time.
     * <p>Who: organisers of its owner unit, administrators.
     *
     * @throws org.springframework.security.access.AccessDeniedException outside the caller's scope
     * @throws org.mingze.base.validation.ValidationException unknown test, not a draft, close time passed, or its
     *         drawn paper can no longer be filled
     */
    @PreAuthorize(PaperService.MANAGE)
    @Transactional
    public Exam publish(long examId) {
        StoredExam e = manageable(examId);
        if (e.getStatus() != ExamStatus.DRAFT) {
            throw ExamAccess.invalid("exam", "exam.error.not-draft");
        }
        Instant now = now();
        if (!now.isBefore(e.getClosesAt())) {
            throw ExamAccess.invalid("closesAt", "exam.error.closed-already");
        }
        StoredPaper p = papers.findById(e.getPaperId()).orElseThrow();
        if (p.getKind() == PaperKind.DRAWN) {
            try {
                drawing.check(jdbc.paperSections(p.getId()));
            } catch (Drawing.Unfillable u) {
                throw ExamAccess.invalid("paperId", "exam.paper.error.unfillable", u.section + 1,
                        u.title == null ? "" : u.title, u.available, u.count);
            }
        }
        e.publish(now, CurrentUser.actor());
        exams.saveAndFlush(e);
        audit.record("EXAM_PUBLISH", "exam", examId, e.getTitle() + " (" + e.getOpensAt() + " - " + e.getClosesAt()
                + ")");
        return exam(e);
    }

    /**
     * Archives a test: gone from learners' lists; results stay readable.
     * <p>Who: organisers of its owner unit, administrators.
     *
     * @throws org.springframework.security.access.AccessDeniedException outside the caller's scope
     * @throws org.mingze.base.validation.ValidationException unknown test, or attempts are still in progress
     */
    @PreAuthorize(PaperService.MANAGE)
    @Transactional
    public Exam archive(long examId) {
        StoredExam e = manageable(examId);
        closeOverdue(examId);
        if (!attempts.idsByStatus(examId, AttemptStatus.IN_PROGRESS).isEmpty()) {
            throw ExamAccess.invalid("exam", "exam.error.running");
        }
        e.archive(now(), CurrentUser.actor());
        exams.saveAndFlush(e);
        audit.record("EXAM_ARCHIVE", "exam", examId, e.getTitle());
        return exam(e);
    }

    /**
     * A test, if the caller may read it (empty when unknown or outside their scope).
     * <p>Who: organisers (their scope), administrators, auditors.
     */
    @PreAuthorize(PaperService.READ)
    public Optional<Exam> get(long examId) {
        return exams.findById(examId).filter(e -> access.canRead(e.getOwnerUnitId())).map(this::exam);
    }

    /**
     * The tests the caller may read, by status (null: all but archived), the latest close time first.
     * <p>Who: organisers (their scope), administrators, auditors.
     */
    @PreAuthorize(PaperService.READ)
    public List<ExamRow> list(ExamStatus status) {
        Instant now = now();
        List<ExamStatus> stored = status == null ? List.of(ExamStatus.DRAFT, ExamStatus.PUBLISHED)
                : status == ExamStatus.CLOSED ? List.of(ExamStatus.PUBLISHED) : List.of(status);
        List<StoredExam> shown = new ArrayList<>();
        for (StoredExam e : exams.findByStatusInOrderByClosesAtDesc(stored)) {
            if (access.canRead(e.getOwnerUnitId()) && (status == null || e.effectiveStatus(now) == status)) {
                shown.add(e);
            }
        }
        // the counts of all listed tests in one statement
        Map<Long, ExamJdbc.ListFigures> figures = shown.isEmpty() ? Map.of()
                : jdbc.listFigures(shown.stream().map(StoredExam::getId).toList());
        List<ExamRow> rows = new ArrayList<>();
        for (StoredExam e : shown) {
            ExamJdbc.ListFigures f = figures.get(e.getId());
            Instant personal = f.lastPersonalClose() != null && f.lastPersonalClose().isAfter(e.getClosesAt())
                    ? f.lastPersonalClose() : null;
            rows.add(new ExamRow(e.getId(), e.getTitle(), e.getPurpose(), e.effectiveStatus(now), e.getOpensAt(),
                    e.getClosesAt(), e.getTimeLimitMinutes(), f.ownerUnitName(), f.audience(), f.started(),
                    f.finished(), personal));
        }
        return rows;
    }

    /**
     * The live monitor; closes attempts whose deadline has passed first, so it never shows a stale "in progress".
     * <p>Who: organisers (their scope), administrators, auditors.
     *
     * @throws org.springframework.security.access.AccessDeniedException outside the caller's scope
     * @throws org.mingze.base.validation.ValidationException unknown test
     */
    @PreAuthorize(PaperService.READ)
    @Transactional
    public ExamMonitor monitor(long examId) {
        StoredExam e = readable(examId);
        closeOverdue(examId);
        Instant now = now();
        Map<Long, List<StoredAttempt>> byMember = attemptsByMember(examId);
        Map<Long, Object[]> progress = jdbc.progress(examId);
        List<ExamMonitor.Row> rows = new ArrayList<>();
        int notStarted = 0;
        int running = 0;
        int finished = 0;
        int audience = 0;
        for (People.Person p : participants(e, byMember)) {
            audience++;
            List<StoredAttempt> list = byMember.getOrDefault(p.memberId(), List.of());
            if (list.isEmpty()) {
                notStarted++;
                rows.add(new ExamMonitor.Row(p.memberId(), p.name(), p.employeeNo(), p.unitName(),
                        ExamMonitor.State.NOT_STARTED, null, 0, null, null, null, 0, 0, 0, 0, null, null));
                continue;
            }
            StoredAttempt a = list.get(list.size() - 1);
            Object[] pr = progress.getOrDefault(a.getId(), new Object[]{0, null});
            ExamMonitor.State state = switch (a.getStatus()) {
                case IN_PROGRESS -> ExamMonitor.State.IN_PROGRESS;
                case AWAITING_MANUAL -> ExamMonitor.State.AWAITING_MANUAL;
                case GRADED -> ExamMonitor.State.GRADED;
            };
            if (state == ExamMonitor.State.IN_PROGRESS) {
                running++;
            } else {
                finished++;
            }
            long left = state == ExamMonitor.State.IN_PROGRESS ? Math.max(0,
                    Duration.between(now, a.getDeadline()).getSeconds()) : 0;
            rows.add(new ExamMonitor.Row(p.memberId(), p.name(), p.employeeNo(), p.unitName(), state, a.getId(),
                    list.size(), a.getClosedBy(), a.getStartedAt(), a.getDeadline(), left, (Integer) pr[0],
                    a.getQuestionCount(), a.getTabLeaves(), (Instant) pr[1], a.getScore()));
        }
        return new ExamMonitor(examId, e.getTitle(), e.effectiveStatus(now), now, audience, notStarted, running,
                finished, rows);
    }

    /**
     * The results grid: one row per person by the test's counted attempt, filtered, by unit and name.
     * <p>Who: organisers (their scope), administrators, auditors.
     *
     * @throws org.springframework.security.access.AccessDeniedException outside the caller's scope
     * @throws org.mingze.base.validation.ValidationException unknown test
     */
    @PreAuthorize(PaperService.READ)
    public List<ResultRow> results(long examId, ResultFilter filter) {
        StoredExam e = readable(examId);
        return results(e, filter == null ? ResultFilter.all() : filter);
    }

    /**
     * Per-question statistics (correct rate, Moodle's facility and discrimination indexes) over the counted graded
     * attempts, in paper order (fixed) or by first appearance (drawn).
     * <p>Who: organisers (their scope), administrators, auditors.
     *
     * @throws org.springframework.security.access.AccessDeniedException outside the caller's scope
     * @throws org.mingze.base.validation.ValidationException unknown test
     */
    @PreAuthorize(PaperService.READ)
    public List<QuestionStat> statistics(long examId) {
        StoredExam e = readable(examId);
        return statistics(e);
    }

    /**
     * A complete attempt with keys, explanations and scores, for organisers reviewing it.
     * <p>Who: organisers (their scope), administrators, auditors.
     *
     * @throws org.springframework.security.access.AccessDeniedException outside the caller's scope
     * @throws org.mingze.base.validation.ValidationException unknown attempt
     */
    @PreAuthorize(PaperService.READ)
    public AttemptResult attempt(long attemptId) {
        StoredAttempt a = attempts.findById(attemptId)
                .orElseThrow(() -> ExamAccess.invalid("attempt", "exam.error.attempt-missing"));
        StoredExam e = readable(a.getExamId());
        List<StoredAttempt> all = attempts.findByExamIdAndMemberIdOrderByAttemptNoAsc(e.getId(), a.getMemberId());
        boolean counted = Counting.counted(all, e.getCounted()).map(x -> x.getId().equals(a.getId())).orElse(false);
        String name = people.person(a.getMemberId()).map(People.Person::name).orElse("");
        return views.result(a, e, name, jdbc.items(attemptId), ReviewLevel.EXPLANATIONS, null, counted);
    }

    /**
     * An .xlsx workbook with two sheets: the results (all of them, as {@link ResultFilter#all()}) and the
     * per-question statistics; headers in the locale's language. The export is audited (EXAM_EXPORT).
     * <p>Who: organisers (their scope), administrators, auditors.
     *
     * @throws org.springframework.security.access.AccessDeniedException outside the caller's scope
     * @throws org.mingze.base.validation.ValidationException unknown test
     */
    @PreAuthorize(PaperService.READ)
    @Transactional
    public byte[] exportXlsx(long examId, Locale locale) {
        StoredExam e = readable(examId);
        Locale loc = locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
        List<ResultRow> results = results(e, ResultFilter.all());
        List<QuestionStat> stats = statistics(e);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(clock.getZone());
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(text("exam.export.results", loc));
            header(sheet, loc, "name", "employee-no", "unit", "attempts", "score", "max", "percent", "passed",
                    "submitted", "duration", "closed-by");
            int r = 1;
            for (ResultRow x : results) {
                Row row = sheet.createRow(r++);
                cell(row, 0, x.memberName());
                cell(row, 1, x.employeeNo());
                cell(row, 2, x.unitName());
                row.createCell(3).setCellValue(x.attemptsUsed());
                num(row, 4, x.score());
                num(row, 5, x.maxPoints());
                num(row, 6, x.percent());
                cell(row, 7, x.passed() == null ? "" : text(x.passed() ? "exam.export.yes" : "exam.export.no", loc));
                cell(row, 8, x.submittedAt() == null ? "" : time.format(x.submittedAt()));
                if (x.durationSeconds() != null) {
                    row.createCell(9).setCellValue(Math.round(x.durationSeconds() / 6.0) / 10.0);
                }
                cell(row, 10, x.closedBy() == null ? "" : text(x.closedBy().labelKey(), loc));
            }
            Sheet st = wb.createSheet(text("exam.export.statistics", loc));
            header(st, loc, "question", "type", "stem", "points", "responses", "correct-rate", "facility",
                    "discrimination", "efficiency");
            r = 1;
            for (QuestionStat q : stats) {
                Row row = st.createRow(r++);
                cell(row, 0, q.questionId());
                cell(row, 1, text("quiz.type." + q.type().name(), loc));
                cell(row, 2, q.stem());
                num(row, 3, q.maxPoints());
                row.createCell(4).setCellValue(q.responses());
                row.createCell(5).setCellValue(round1(q.correctRate()));
                row.createCell(6).setCellValue(round1(q.facilityIndex()));
                if (q.discrimination() != null) {
                    row.createCell(7).setCellValue(round1(q.discrimination()));
                }
                if (q.efficiency() != null) {
                    row.createCell(8).setCellValue(round1(q.efficiency()));
                }
            }
            wb.write(out);
            audit.record("EXAM_EXPORT", "exam", examId, results.size() + " results, " + stats.size() + " questions");
            return out.toByteArray();
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    /**
     * Grants a per-person exception (more time, own close time, extra attempts) with a reason; a second grant for
     * the same person replaces the first. Audited with the reason (EXAM_EXCEPTION). Applies to attempts started
     * afterwards; an attempt in progress gets the new deadline when it is later than its own.
     * <p>Who: organisers of the test's owner unit, administrators.
     *
     * @throws org.springframework.security.access.AccessDeniedException outside the caller's scope
     * @throws org.mingze.base.validation.ValidationException no reason, nothing granted, values out of range,
     *         unknown test or member
     */
    @PreAuthorize(PaperService.MANAGE)
    @Transactional
    public ExamExceptionRow grantException(long examId, ExamExceptionDraft draft) {
        StoredExam e = manageable(examId);
        return grant(e, draft, CurrentUser.actor(), "");
    }

    /**
     * Grants a per-person exception for another module's background job (no signed-in person): the same checks and
     * effect as {@link #grantException}, audited as the system with the module and the reason (EXAM_EXCEPTION). For
     * rule-driven grants only, such as the automatic re-sit of an appointment review (decision 0013); never for
     * the browser.
     *
     * @param closesAt this person's own close time, or null
     * @param module   the module that grants, for the audit log (e.g. "review")
     * @throws org.mingze.base.validation.ValidationException the same problems as {@link #grantException}
     */
    @Transactional
    public ExamExceptionRow grantForSystem(long examId, long memberId, int extraAttempts, Instant closesAt,
                                           String reason, String module) {
        StoredExam e = exams.findById(examId).orElseThrow(() -> ExamAccess.invalid("exam", "exam.error.missing"));
        return grant(e, new ExamExceptionDraft(memberId, null, closesAt, extraAttempts, reason), CurrentUser.SYSTEM,
                "[" + module + "] ");
    }

    private ExamExceptionRow grant(StoredExam e, ExamExceptionDraft draft, String actor, String auditPrefix) {
        long examId = e.getId();
        List<Problem> problems = new ArrayList<>();
        String reason = draft == null || draft.reason() == null ? "" : draft.reason().trim();
        if (reason.isEmpty() || reason.length() > 500) {
            problems.add(Problem.of("reason", "exam.exception.error.reason"));
        }
        if (draft == null || !people.memberExists(draft.memberId())) {
            problems.add(Problem.of("memberId", "exam.exception.error.member"));
            throw new ValidationException(problems);
        }
        boolean nothing = (draft.extraMinutes() == null || draft.extraMinutes() == 0) && draft.closesAt() == null
                && draft.extraAttempts() == 0;
        if (nothing) {
            problems.add(Problem.of("extraMinutes", "exam.exception.error.nothing"));
        }
        if (draft.extraMinutes() != null && (draft.extraMinutes() < 0 || draft.extraMinutes() > MAX_MINUTES)) {
            problems.add(Problem.of("extraMinutes", "exam.exception.error.minutes", MAX_MINUTES));
        }
        if (draft.extraAttempts() < 0 || draft.extraAttempts() > 10) {
            problems.add(Problem.of("extraAttempts", "exam.exception.error.attempts"));
        }
        if (draft.closesAt() != null && !draft.closesAt().isAfter(e.getOpensAt())) {
            problems.add(Problem.of("closesAt", "exam.exception.error.closes"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Instant now = now();
        StoredException x = exceptions.findByExamIdAndMemberId(examId, draft.memberId())
                .orElseGet(() -> new StoredException(examId, draft.memberId()));
        x.set(draft.extraMinutes(), draft.closesAt(), draft.extraAttempts(), reason, actor, now);
        x = exceptions.saveAndFlush(x);
        // an attempt in progress gets the new deadline when it is later than its own; under the attempt's row lock
        // (read by id only, so the lock reads it fresh rather than from the persistence context), so that a close
        // racing the grant either finished before (the attempt is closed: left alone) or waits for this commit
        for (Long id : attempts.idsInProgress(examId, draft.memberId())) {
            StoredAttempt a = lockForGrant(id);
            if (a.getStatus() == AttemptStatus.IN_PROGRESS && now.isBefore(a.getDeadline())) {
                Instant closes = draft.closesAt() != null ? draft.closesAt() : e.getClosesAt();
                Integer minutes = e.getTimeLimitMinutes() == null ? null : e.getTimeLimitMinutes()
                        + (draft.extraMinutes() == null ? 0 : draft.extraMinutes());
                Instant deadline = minutes == null ? closes : a.getStartedAt().plus(minutes, ChronoUnit.MINUTES);
                if (deadline.isAfter(closes)) {
                    deadline = closes;
                }
                if (deadline.isAfter(a.getDeadline())) {
                    a.extendTo(deadline);
                    attempts.saveAndFlush(a);
                    open.forget(a.getId());
                }
            }
        }
        String name = people.person(draft.memberId()).map(People.Person::name).orElse("");
        audit.recordAs(actor, "EXAM_EXCEPTION", "exam", examId, auditPrefix + name + " (" + draft.memberId() + "): "
                + (draft.extraMinutes() == null ? "" : "+" + draft.extraMinutes() + " min ")
                + (draft.closesAt() == null ? "" : "closes " + draft.closesAt() + " ")
                + (draft.extraAttempts() == 0 ? "" : "+" + draft.extraAttempts() + " attempt(s) ") + "- " + reason,
                org.mingze.base.security.ClientAddress.current());
        return row(x, name);
    }

    /** The attempt under its row lock; a lock that cannot be had in time is a clear message, not a stack trace. */
    private StoredAttempt lockForGrant(long attemptId) {
        try {
            return attempts.lock(attemptId).orElseThrow();
        } catch (org.springframework.dao.PessimisticLockingFailureException
                 | org.springframework.dao.OptimisticLockingFailureException ex) {
            throw new ValidationException(List.of(Problem.of("memberId", "exam.exception.error.busy")));
        }
    }

    /**
     * The breakdown by tag of an attempt's graded questions (tags of the version shown), ordered by tag; empty for an
     * unknown attempt. For other modules (reviews: result sheets and make-up study), running as the system: no access
     * check here, the caller checks that the person may see the attempt.
     */
    public List<TagScore> tagScoresForSystem(long attemptId) {
        return jdbc.tagScores(attemptId);
    }

    /**
     * The fully graded attempts of a test, by member and attempt number. For other modules' background jobs that
     * reconcile results they may have missed (no access check: never for the browser).
     */
    public List<GradedAttempt> gradedAttemptsForSystem(long examId) {
        return attempts.findByExamIdOrderByMemberIdAscAttemptNoAsc(examId).stream()
                .filter(a -> a.getStatus() == AttemptStatus.GRADED && a.getScore() != null && a.getPassed() != null)
                .map(a -> new GradedAttempt(a.getId(), a.getExamId(), a.getMemberId(), a.getAttemptNo(),
                        a.getScore(), a.getMaxPoints(), a.getPassed(), a.getClosedAt()))
                .toList();
    }

    /**
     * The exceptions granted on a test.
     * <p>Who: organisers (their scope), administrators, auditors.
     *
     * @throws org.springframework.security.access.AccessDeniedException outside the caller's scope
     * @throws org.mingze.base.validation.ValidationException unknown test
     */
    @PreAuthorize(PaperService.READ)
    public List<ExamExceptionRow> exceptions(long examId) {
        readable(examId);
        List<StoredException> list = exceptions.findByExamIdOrderByGrantedAtDesc(examId);
        Map<Long, People.Person> names = people.people(list.stream().map(StoredException::getMemberId).toList());
        return list.stream().map(x -> row(x, names.containsKey(x.getMemberId())
                ? names.get(x.getMemberId()).name() : "")).toList();
    }

    private static ExamExceptionRow row(StoredException x, String name) {
        return new ExamExceptionRow(x.getId(), x.getExamId(), x.getMemberId(), name, x.getExtraMinutes(),
                x.getClosesAt(), x.getExtraAttempts(), x.getReason(), x.getGrantedBy(), x.getGrantedAt());
    }

    private List<ResultRow> results(StoredExam e, ResultFilter f) {
        Map<Long, List<StoredAttempt>> byMember = attemptsByMember(e.getId());
        String unitPath = f.unitId() == null ? null : people.unitPath(f.unitId()).orElse("-");
        String text = f.nameOrNumber() == null || f.nameOrNumber().isBlank() ? null
                : f.nameOrNumber().trim().toLowerCase(Locale.ROOT);
        List<ResultRow> rows = new ArrayList<>();
        for (People.Person p : participants(e, byMember)) {
            if (unitPath != null && !p.unitPath().startsWith(unitPath)) {
                continue;
            }
            if (text != null && !p.name().toLowerCase(Locale.ROOT).contains(text)
                    && !p.employeeNo().toLowerCase(Locale.ROOT).contains(text)) {
                continue;
            }
            List<StoredAttempt> list = byMember.getOrDefault(p.memberId(), List.of());
            Optional<StoredAttempt> counted = Counting.counted(list, e.getCounted());
            int waiting = (int) list.stream().filter(a -> a.getStatus() == AttemptStatus.AWAITING_MANUAL).count();
            if (counted.isEmpty() && !f.includeNotStarted()) {
                continue;
            }
            Boolean passed = counted.map(StoredAttempt::getPassed).orElse(null);
            if (f.passed() != null && f.passed() != Boolean.TRUE.equals(passed)) {
                continue;
            }
            StoredAttempt c = counted.orElse(null);
            BigDecimal percent = c == null || c.getMaxPoints().signum() == 0 ? null : c.getScore()
                    .multiply(BigDecimal.valueOf(100)).divide(c.getMaxPoints(), 2, RoundingMode.HALF_UP);
            rows.add(new ResultRow(p.memberId(), p.name(), p.employeeNo(), p.unitName(), list.size(),
                    c == null ? null : c.getId(), c == null ? null : c.getScore(), c == null ? null : c.getMaxPoints(),
                    percent, passed, waiting, c == null ? null : c.getClosedAt(),
                    c == null ? null : Duration.between(c.getStartedAt(), c.getClosedAt()).getSeconds(),
                    c == null ? null : c.getClosedBy()));
        }
        rows.sort(Comparator.comparing(ResultRow::unitName).thenComparing(ResultRow::memberName));
        return rows;
    }

    /** Moodle's statistics over each person's first graded attempt (Moodle's default). */
    private List<QuestionStat> statistics(StoredExam e) {
        Map<Long, List<StoredAttempt>> byMember = attemptsByMember(e.getId());
        List<StoredAttempt> analysed = byMember.values().stream()
                .map(l -> Counting.counted(l, CountedAttempt.FIRST)).flatMap(Optional::stream).toList();
        Map<Long, List<ItemRow>> items = jdbc.items(analysed.stream().map(StoredAttempt::getId).toList());
        Map<String, List<double[]>> perQuestion = new LinkedHashMap<>();
        Map<String, ItemRow> sample = new HashMap<>();
        Map<String, int[]> correct = new HashMap<>();
        List<ItemRow> ordered = new ArrayList<>();
        for (StoredAttempt a : analysed) {
            ordered.addAll(items.getOrDefault(a.getId(), List.of()));
        }
        // fixed papers keep the paper's order; drawn ones the order of first appearance
        List<String> paperOrder = jdbc.paperItems(e.getPaperId()).stream().map(ExamJdbc.Placed::questionId).toList();
        for (String q : paperOrder) {
            perQuestion.put(q, new ArrayList<>());
        }
        for (StoredAttempt a : analysed) {
            double total = a.getScore() == null ? 0 : a.getScore().doubleValue();
            for (ItemRow i : items.getOrDefault(a.getId(), List.of())) {
                perQuestion.computeIfAbsent(i.questionId(), k -> new ArrayList<>()).add(new double[]{
                        i.earned() == null ? 0 : i.earned().doubleValue(), total, i.points().doubleValue()});
                sample.putIfAbsent(i.questionId(), i);
                if (i.outcome() == Grade.Outcome.CORRECT) {
                    correct.computeIfAbsent(i.questionId(), k -> new int[1])[0]++;
                }
            }
        }
        List<QuestionStat> out = new ArrayList<>();
        for (Map.Entry<String, List<double[]>> en : perQuestion.entrySet()) {
            ItemRow s = sample.get(en.getKey());
            if (s == null) {
                continue;
            }
            List<double[]> v = en.getValue();
            double[] x = v.stream().mapToDouble(d -> d[0]).toArray();
            double[] t = v.stream().mapToDouble(d -> d[1]).toArray();
            double max = v.stream().mapToDouble(d -> d[2]).max().orElse(0);
            Statistics.Item st = Statistics.of(x, t, max);
            Question q = questions.get(s.questionId(), s.version());
            int n = v.size();
            out.add(new QuestionStat(q.id(), q.type(), q.stem(), s.points(), n,
                    n == 0 ? 0 : 100.0 * correct.getOrDefault(q.id(), new int[1])[0] / n, st.facility(),
                    st.discrimination(), st.efficiency()));
        }
        return out;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private void header(Sheet sheet, Locale locale, String... keys) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < keys.length; i++) {
            row.createCell(i).setCellValue(text("exam.export.column." + keys[i], locale));
        }
    }

    private static void cell(Row row, int col, String value) {
        row.createCell(col).setCellValue(value == null ? "" : value);
    }

    private static void num(Row row, int col, BigDecimal value) {
        if (value != null) {
            row.createCell(col).setCellValue(value.doubleValue());
        }
    }

    private static double round1(double d) {
        return Math.round(d * 10) / 10.0;
    }
}
