package org.mingze.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.security.Role;
import org.mingze.base.security.Roles;
import org.mingze.base.validation.Problem;
import org.mingze.base.validation.ValidationException;
import org.mingze.library.MaterialSource;
import org.mingze.library.StudyService;
import org.mingze.org.MemberFilter;
import org.mingze.org.MemberRow;
import org.mingze.org.MemberService;
import org.mingze.org.OrgService;
import org.mingze.org.UnitNode;
import org.mingze.quiz.exam.ExamPurpose;
import org.mingze.quiz.exam.ExamRow;
import org.mingze.quiz.exam.ExamService;
import org.mingze.quiz.exam.ExamStatus;
import org.mingze.quiz.exam.ResultFilter;
import org.mingze.quiz.exam.ResultRow;
import org.mingze.schedule.internal.CadenceCheck;
import org.mingze.schedule.internal.CheckInCodes;
import org.mingze.schedule.internal.PlanTemplates;
import org.mingze.schedule.internal.SessionRecordPdf;
import org.mingze.schedule.internal.SessionStore;
import org.mingze.schedule.internal.SessionStore.Session;
import org.springframework.data.domain.Page;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Planning sessions (主题党日, 三会一课 ...): the calendar of a unit or a subtree, creating and changing sessions with
 * warnings about overlaps and double-booked hosts, series from a recurrence and a year's plan, cancelling, and the
 * cadence check. Organisers manage the units in their scope, administrators all; auditors read everything; a member
 * sees the calendar of their own unit and the sessions they are expected at.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class ScheduleService {

    static final int MAX_SERIES = 60;
    static final int MAX_MINUTES_CHARS = 20_000;

    private final SessionStore store;
    private final OrgService org;
    private final MemberService members;
    private final MaterialSource materials;
    private final StudyService study;
    private final PlanTemplates plans;
    private final AuditLog audit;
    private final Clock clock;
    private final ExamService exams;
    private final SessionRecordPdf recordPdf;

    ScheduleService(SessionStore store, OrgService org, MemberService members, MaterialSource materials,
                    StudyService study, PlanTemplates plans, AuditLog audit, Clock clock, ExamService exams,
                    SessionRecordPdf recordPdf) {
        this.exams = exams;
        this.recordPdf = recordPdf;
        this.study = study;
        this.plans = plans;
        this.store = store;
        this.org = org;
        this.members = members;
        this.materials = materials;
        this.audit = audit;
        this.clock = clock;
    }

    /** Sessions of a unit (and, if asked, its sub-units) that overlap the days from..to (both included). */
    public List<SessionCard> calendar(long unitId, boolean subtree, LocalDate from, LocalDate to) {
        if (!org.canRead(unitId)) {
            throw new AccessDeniedException("unit " + unitId);
        }
        Collection<Long> units = subtree ? org.subtreeIds(unitId) : List.of(unitId);
        Map<Long, String> names = unitNames();
        return store.sessions(units, from.atStartOfDay(), to.plusDays(1).atStartOfDay()).stream()
                .map(s -> card(s, names)).toList();
    }

    /** The sessions the signed-in member is expected at, from..to. */
    public List<SessionCard> mySessions(LocalDate from, LocalDate to) {
        Long me = CurrentUser.require().memberId();
        if (me == null) {
            return List.of();
        }
        Map<Long, String> names = unitNames();
        return store.sessionsOf(me, from.atStartOfDay(), to.plusDays(1).atStartOfDay()).stream()
                .map(s -> card(s, names)).toList();
    }

    /**
     * A session's page. Organisers of its unit, administrators and auditors see every attendee and leave request;
     * an expected attendee sees the session with only their own attendance and leave.
     */
    public SessionDetail detail(long sessionId) {
        Session s = store.session(sessionId).orElseThrow(() -> new AccessDeniedException("session " + sessionId));
        boolean manage = org.canManage(s.unitId());
        boolean readAll = manage || CurrentUser.has(Role.AUDITOR) || CurrentUser.has(Role.ADMIN);
        Long me = CurrentUser.require().memberId();
        List<SessionStore.Attendee> attendees = store.attendees(sessionId);
        boolean expected = me != null && attendees.stream().anyMatch(a -> a.memberId() == me);
        if (!readAll && !expected && !org.canRead(s.unitId())) {
            throw new AccessDeniedException("session " + sessionId);
        }
        List<SessionStore.Leave> leaves = store.leaves(sessionId);
        if (!readAll) {
            attendees = attendees.stream().filter(a -> Objects.equals(a.memberId(), me)).toList();
            leaves = leaves.stream().filter(l -> Objects.equals(l.memberId(), me)).toList();
        }
        Map<Long, MemberRow> people = people(attendees.stream().map(SessionStore.Attendee::memberId)
                .toList());
        Map<Long, LeaveDecision> leaveOf = new HashMap<>();
        leaves.forEach(l -> leaveOf.put(l.memberId(), l.decision()));
        List<String> mats = store.materials(sessionId);
        Map<Long, QuizState> quizOf = new HashMap<>();
        Map<Long, java.math.BigDecimal> bestOf = new HashMap<>();
        if (s.examId() != null) {
            for (SessionStore.QuizResult r : store.quizResults(s.examId())) {
                quizOf.merge(r.memberId(), r.passed() ? QuizState.PASSED : QuizState.FAILED,
                        (a, b) -> a == QuizState.PASSED || b == QuizState.PASSED ? QuizState.PASSED : QuizState.FAILED);
                bestOf.merge(r.memberId(), r.percent(), java.math.BigDecimal::max);
            }
        }
        List<AttendeeRow> rows = attendees.stream().map(a -> {
            MemberRow m = people.get(a.memberId());
            java.util.Set<String> studied = study.studiedMaterials(a.memberId());
            return new AttendeeRow(a.memberId(), m == null ? "#" + a.memberId() : m.name(),
                    m == null ? "" : m.unitName(), a.status(), a.how(), a.markedBy(), a.markedAt(),
                    leaveOf.get(a.memberId()), (int) mats.stream().filter(studied::contains).count(),
                    s.examId() == null ? null : quizOf.getOrDefault(a.memberId(), QuizState.NOT_TAKEN));
        }).toList();
        java.util.Set<String> mine = me == null ? java.util.Set.of() : study.studiedMaterials(me);
        List<SessionDetail.Reading> reading = mats.stream().map(id -> new SessionDetail.Reading(id,
                materials.find(id).map(x -> x.title()).orElse(id), mine.contains(id))).toList();
        List<LeaveRow> leaveRows = leaves.stream().map(l -> {
            MemberRow m = people.get(l.memberId());
            return new LeaveRow(l.id(), l.sessionId(), s.topic(), l.memberId(), m == null ? "#" + l.memberId()
                    : m.name(), l.reason(), l.requestedAt(), l.decision(), l.decidedBy(), l.comment());
        }).toList();
        SessionDetail.Quiz quiz = null;
        if (s.examId() != null) {
            QuizState myQuiz = rows.stream().filter(r -> Objects.equals(r.memberId(), me)).map(AttendeeRow::quiz)
                    .findFirst().orElse(null);
            quiz = new SessionDetail.Quiz(s.examId(), s.examTitle() == null ? "#" + s.examId() : s.examTitle(), myQuiz,
                    (int) rows.stream().filter(r -> r.quiz() == QuizState.PASSED).count(),
                    (int) rows.stream().filter(r -> r.quiz() != QuizState.NOT_TAKEN).count());
        }
        return new SessionDetail(card(s, unitNames()), s.onlineLink(), s.hostMemberId(), s.agenda(),
                mats, s.examId(), s.checkinMarginMinutes(), s.makeupDays(), s.cancelReason(),
                s.minutes(), rows, leaveRows, reading, manage, quiz, photos(s), summary(rows, mats.size(),
                s.examId() != null, bestOf));
    }

    /**
     * The session record (会议记录表) as a PDF with Chinese text embedded, in the locale's language; for the
     * session's organisers, administrators and auditors. The export is audited (SCHEDULE_RECORD_PDF).
     */
    @PreAuthorize("hasAnyRole('" + Roles.ORGANIZER + "','" + Roles.ADMIN + "','" + Roles.AUDITOR + "')")
    @Transactional
    public byte[] recordPdf(long sessionId, java.util.Locale locale) {
        SessionDetail d = detail(sessionId);
        if (!d.canManage() && !CurrentUser.has(Role.AUDITOR) && !CurrentUser.has(Role.ADMIN)) {
            throw new AccessDeniedException("session " + sessionId);
        }
        byte[] pdf = recordPdf.render(d, locale);
        audit.record("SCHEDULE_RECORD_PDF", "session", sessionId, d.card().topic() + " (" + pdf.length + " B)");
        return pdf;
    }

    /** The figures of a session over these attendees: attendance rate, reading completion, quiz average. */
    static SessionDetail.Summary summary(List<AttendeeRow> rows, int materials, boolean hasQuiz,
                                         Map<Long, java.math.BigDecimal> bestPercent) {
        int expected = rows.size();
        int attended = (int) rows.stream().filter(r -> r.status().attended()).count();
        Integer reading = materials == 0 ? null : percent(rows.stream().filter(r -> r.studied() >= materials)
                .count(), expected);
        Integer taken = null;
        java.math.BigDecimal average = null;
        if (hasQuiz) {
            List<java.math.BigDecimal> best = rows.stream().map(r -> bestPercent.get(r.memberId()))
                    .filter(Objects::nonNull).toList();
            taken = best.size();
            if (!best.isEmpty()) {
                average = best.stream().reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)
                        .divide(java.math.BigDecimal.valueOf(best.size()), 1, java.math.RoundingMode.HALF_UP);
            }
        }
        return new SessionDetail.Summary(expected, attended, percent(attended, expected), reading, taken, average);
    }

    private static int percent(long part, long whole) {
        return whole == 0 ? 0 : (int) Math.round(part * 100.0 / whole);
    }

    private List<PhotoRow> photos(Session s) {
        return store.photos(s.id());
    }

    /**
     * The tests of purpose theme-day quiz (主题党日知识竞答) that a session of this unit may use: not archived, readable
     * by the organiser, with the unit (or a unit above it) in their audience; the latest closing first.
     */
    @PreAuthorize("hasAnyRole('" + Roles.ORGANIZER + "','" + Roles.ADMIN + "')")
    public List<QuizChoice> quizChoices(long unitId) {
        org.requireManage(unitId);
        List<QuizChoice> found = new ArrayList<>();
        for (ExamRow r : exams.list(null)) {
            if (r.purpose() != ExamPurpose.THEME_DAY || r.status() == ExamStatus.ARCHIVED) {
                continue;
            }
            exams.get(r.id()).filter(e -> e.settings().audienceUnits().stream()
                            .anyMatch(a -> org.subtreeIds(a).contains(unitId)))
                    .ifPresent(e -> found.add(new QuizChoice(e.id(), e.settings().title(), e.settings().opensAt(),
                            e.settings().closesAt())));
        }
        return found;
    }

    /** The warnings a draft would get, for the form to show before saving. */
    public List<Conflict> conflicts(SessionDraft draft) {
        if (draft == null || draft.startsAt() == null || draft.durationMinutes() <= 0) {
            return List.of();
        }
        return conflicts(draft, unitNames());
    }

    /**
     * Creates or changes a session in a unit the organiser manages. A new session expects the unit's active members
     * (sub-units included) unless the draft names attendees; a changed one adds and removes attendees as the draft
     * says (people already marked stay). Overlaps and double-booked hosts are returned as warnings.
     *
     * @throws ValidationException   what is wrong, field by field, in the person's language
     * @throws AccessDeniedException the unit is outside the organiser's scope
     */
    @PreAuthorize("hasAnyRole('" + Roles.ORGANIZER + "','" + Roles.ADMIN + "')")
    @Transactional
    public SavedSession save(SessionDraft draft) {
        validate(draft);
        org.requireManage(draft.unitId());
        QuizChoice quiz = null;
        if (draft.examId() != null) {
            quiz = quizChoices(draft.unitId()).stream().filter(q -> q.examId() == draft.examId()).findFirst()
                    .orElseThrow(() -> new ValidationException(Problem.of("examId", "schedule.error.quiz")));
        }
        var now = clock.instant();
        long id;
        if (draft.id() == null) {
            id = store.insert(draft, CheckInCodes.newSecret(), null, CurrentUser.actor(), now);
            store.addAttendees(id, attendeesOf(draft));
            audit.record("SCHEDULE_SESSION_CREATE", "session", id, describe(draft));
        } else {
            Session old = store.sessionForUpdate(draft.id())
                    .orElseThrow(() -> new AccessDeniedException("session " + draft.id()));
            org.requireManage(old.unitId());
            if (old.unitId() != draft.unitId()) {
                throw new ValidationException(Problem.of("unitId", "schedule.error.unit-fixed"));
            }
            if (old.status() != SessionStatus.PLANNED) {
                throw new ValidationException(Problem.of("status", "schedule.error.not-planned"));
            }
            store.update(draft, old.version(), now);
            id = old.id();
            if (draft.attendeeIds() != null) {
                Set<Long> wanted = draft.attendeeIds();
                List<SessionStore.Attendee> current = store.attendees(id);
                Set<Long> have = new HashSet<>();
                List<Long> drop = new ArrayList<>();
                for (SessionStore.Attendee a : current) {
                    have.add(a.memberId());
                    if (!wanted.contains(a.memberId()) && a.status() == AttendanceStatus.EXPECTED) {
                        drop.add(a.memberId());
                    }
                }
                store.removeAttendees(id, drop);
                store.addAttendees(id, wanted.stream().filter(m -> !have.contains(m)).toList());
            }
            audit.record("SCHEDULE_SESSION_UPDATE", "session", id, describe(draft));
        }
        store.setExamTitle(id, quiz == null ? null : quiz.title());
        if (quiz != null) {
            copyQuizResults(quiz.examId(), now);
        }
        Map<Long, String> names = unitNames();
        Session saved = store.session(id).orElseThrow();
        return new SavedSession(card(saved, names), conflicts(draft.withId(id), names));
    }

    /**
     * Cancels a planned session; a reason is required and goes to the audit log.
     *
     * @throws ValidationException without a reason, or when the session was held already
     */
    @PreAuthorize("hasAnyRole('" + Roles.ORGANIZER + "','" + Roles.ADMIN + "')")
    @Transactional
    public void cancel(long sessionId, String reason) {
        Session s = store.sessionForUpdate(sessionId).orElseThrow(() -> new AccessDeniedException("session"));
        org.requireManage(s.unitId());
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 2 || why.length() > 500) {
            throw new ValidationException(Problem.of("reason", "schedule.error.cancel-reason"));
        }
        if (s.status() != SessionStatus.PLANNED) {
            throw new ValidationException(Problem.of("status", "schedule.error.not-planned"));
        }
        store.setStatus(sessionId, SessionStatus.CANCELLED, why, clock.instant());
        audit.record("SCHEDULE_SESSION_CANCEL", "session", sessionId, s.topic() + "：" + why);
    }

    /** Saves the minutes (会议记录, Markdown, up to 20,000 characters) of a session of the organiser's unit. */
    @PreAuthorize("hasAnyRole('" + Roles.ORGANIZER + "','" + Roles.ADMIN + "')")
    @Transactional
    public void saveMinutes(long sessionId, String markdown) {
        Session s = store.sessionForUpdate(sessionId).orElseThrow(() -> new AccessDeniedException("session"));
        org.requireManage(s.unitId());
        String text = markdown == null ? null : markdown.strip();
        if (text != null && text.length() > MAX_MINUTES_CHARS) {
            throw new ValidationException(Problem.of("minutes", "schedule.error.minutes-long", MAX_MINUTES_CHARS));
        }
        if (s.status() == SessionStatus.CANCELLED) {
            throw new ValidationException(Problem.of("minutes", "schedule.error.cancelled"));
        }
        store.setMinutes(sessionId, text == null || text.isEmpty() ? null : text, clock.instant());
        audit.record("SCHEDULE_MINUTES", "session", sessionId, text == null ? "" : text.length() + " 字");
    }

    /** The materials a session can assign (not archived), by id, with their titles, in the library's order. */
    @PreAuthorize("hasAnyRole('" + Roles.ORGANIZER + "','" + Roles.ADMIN + "')")
    public List<SessionDetail.Reading> materialChoices() {
        return materials.all().stream().filter(m -> !m.archived())
                .map(m -> new SessionDetail.Reading(m.id(), m.title(), false)).toList();
    }

    /** The active members of a unit and its sub-units, for choosing attendees and hosts. */
    @PreAuthorize("hasAnyRole('" + Roles.ORGANIZER + "','" + Roles.ADMIN + "')")
    public List<Person> people(long unitId) {
        org.requireManage(unitId);
        List<Person> found = new ArrayList<>();
        int page = 0;
        Page<MemberRow> p;
        do {
            p = members.search(new MemberFilter(null, unitId, true, null), page++, 200);
            p.forEach(m -> found.add(new Person(m.id(), m.name(), m.unitName())));
        } while (p.hasNext());
        return found;
    }

    /** The annual plan templates in content/plans, to copy into a series. */
    @PreAuthorize("hasAnyRole('" + Roles.ORGANIZER + "','" + Roles.ADMIN + "')")
    public List<PlanTemplate> planTemplates() {
        return plans.all();
    }

    /** What {@link #createSeries} would make, with warnings, creating nothing. */
    @PreAuthorize("hasAnyRole('" + Roles.ORGANIZER + "','" + Roles.ADMIN + "')")
    public SeriesPreview previewSeries(SeriesRequest request) {
        validateSeries(request);
        org.requireManage(request.unitId());
        Map<Long, String> names = unitNames();
        Recurrence.Dates dates = request.recurrence().between(request.from(), request.to());
        List<SeriesPreview.Item> items = new ArrayList<>();
        for (LocalDate day : dates.dates()) {
            SessionDraft d = seriesDraft(request, day);
            items.add(new SeriesPreview.Item(d.startsAt(), d.topic(), d.materialIds(), conflicts(d, names)));
        }
        return new SeriesPreview(items, dates.skipped(), dates.moved());
    }

    /**
     * Creates every session of a series at once, or none: each is checked as {@link #save} would check it first.
     *
     * @return the sessions made, in date order, with their warnings
     */
    @PreAuthorize("hasAnyRole('" + Roles.ORGANIZER + "','" + Roles.ADMIN + "')")
    @Transactional
    public List<SavedSession> createSeries(SeriesRequest request) {
        validateSeries(request);
        org.requireManage(request.unitId());
        List<LocalDate> days = request.recurrence().between(request.from(), request.to()).dates();
        List<Problem> problems = new ArrayList<>();
        List<SessionDraft> drafts = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            SessionDraft d = seriesDraft(request, days.get(i));
            for (Problem p : problems(d)) {
                problems.add(p.atRow(i + 1));
            }
            drafts.add(d);
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        String series = SessionStore.newSeriesId();
        var now = clock.instant();
        List<Long> expected = new ArrayList<>(attendeesOf(drafts.isEmpty() ? null : drafts.get(0)));
        List<Long> ids = new ArrayList<>();
        for (SessionDraft d : drafts) {
            long id = store.insert(d, CheckInCodes.newSecret(), series, CurrentUser.actor(), now);
            store.addAttendees(id, expected);
            ids.add(id);
        }
        audit.record("SCHEDULE_SERIES_CREATE", "unit", request.unitId(),
                request.type() + " × " + ids.size() + " (" + request.from() + " – " + request.to() + ")");
        Map<Long, String> names = unitNames();
        List<SavedSession> saved = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Session s = store.session(ids.get(i)).orElseThrow();
            saved.add(new SavedSession(card(s, names), conflicts(drafts.get(i).withId(ids.get(i)), names)));
        }
        return saved;
    }

    /**
     * The cadence of every unit in a subtree this year, up to today, with the rules that apply to each unit's level.
     * Organisers see their units, administrators and auditors all.
     */
    @PreAuthorize("hasAnyRole('" + Roles.ORGANIZER + "','" + Roles.ADMIN + "','" + Roles.AUDITOR + "')")
    public List<UnitCadence> cadence(long unitId, List<CadenceRule> rules) {
        if (!org.canRead(unitId)) {
            throw new AccessDeniedException("unit " + unitId);
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate from = today.withDayOfYear(1);
        List<UnitCadence> result = new ArrayList<>();
        for (UnitNode unit : org.visibleUnits()) {
            if (!unit.active() || !org.subtreeIds(unitId).contains(unit.id())) {
                continue;
            }
            List<CadenceRule> applicable = rules.stream().filter(r -> r.type().heldBy() == unit.kind()).toList();
            if (applicable.isEmpty()) {
                continue;
            }
            List<CadenceCheck.Occurrence> occurrences = store.sessions(List.of(unit.id()), from.atStartOfDay(),
                            today.plusYears(1).atStartOfDay()).stream()
                    .map(s -> new CadenceCheck.Occurrence(s.type(), s.startsAt().toLocalDate(),
                            s.status() == SessionStatus.HELD, s.status() == SessionStatus.CANCELLED))
                    .toList();
            result.add(new UnitCadence(unit.id(), unit.name(), CadenceCheck.check(applicable, occurrences, from,
                    today)));
        }
        return result;
    }

    // helpers

    private SessionDraft seriesDraft(SeriesRequest r, LocalDate day) {
        int month = day.getMonthValue();
        String topic = r.monthlyTopics().getOrDefault(month, r.topic());
        List<String> mats = r.monthlyMaterials().getOrDefault(month, List.of());
        return new SessionDraft(null, r.unitId(), r.type(), topic, day.atTime(r.time()), r.durationMinutes(),
                r.place(), null, r.host(), null, null, mats, null, null, SessionDraft.DEFAULT_MARGIN,
                SessionDraft.DEFAULT_MAKEUP_DAYS);
    }

    private void validateSeries(SeriesRequest r) {
        List<Problem> problems = new ArrayList<>();
        if (r == null || r.recurrence() == null || r.type() == null) {
            throw new ValidationException(Problem.of("recurrence", "schedule.error.series-rule"));
        }
        if (r.from() == null || r.to() == null || r.to().isBefore(r.from())) {
            problems.add(Problem.of("to", "schedule.error.series-range"));
        } else if (r.recurrence().between(r.from(), r.to()).dates().size() > MAX_SERIES) {
            problems.add(Problem.of("to", "schedule.error.series-too-many", MAX_SERIES));
        } else if (r.recurrence().between(r.from(), r.to()).dates().isEmpty()) {
            problems.add(Problem.of("to", "schedule.error.series-empty"));
        }
        if (r.time() == null) {
            problems.add(Problem.of("time", "schedule.error.time"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private void validate(SessionDraft d) {
        if (d == null) {
            throw new ValidationException(Problem.of("topic", "schedule.error.topic"));
        }
        List<Problem> problems = problems(d);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private List<Problem> problems(SessionDraft d) {
        List<Problem> problems = new ArrayList<>();
        if (d.type() == null) {
            problems.add(Problem.of("type", "schedule.error.type"));
        }
        if (d.topic() == null || d.topic().isBlank() || d.topic().strip().length() > 200) {
            problems.add(Problem.of("topic", "schedule.error.topic"));
        }
        if (d.startsAt() == null) {
            problems.add(Problem.of("startsAt", "schedule.error.time"));
        }
        if (d.durationMinutes() < 10 || d.durationMinutes() > SessionStore.MAX_MINUTES) {
            problems.add(Problem.of("durationMinutes", "schedule.error.duration", 10, SessionStore.MAX_MINUTES));
        }
        if (d.onlineLink() != null && !d.onlineLink().isBlank()
                && !d.onlineLink().strip().matches("(?i)https?://\\S{3,490}")) {
            problems.add(Problem.of("onlineLink", "schedule.error.link"));
        }
        if (d.checkInMarginMinutes() < 0 || d.checkInMarginMinutes() > 240) {
            problems.add(Problem.of("checkInMarginMinutes", "schedule.error.margin", 0, 240));
        }
        if (d.makeupDays() < 1 || d.makeupDays() > 180) {
            problems.add(Problem.of("makeupDays", "schedule.error.makeup-days", 1, 180));
        }
        for (String m : d.materialIds()) {
            if (materials.find(m).filter(x -> !x.archived()).isEmpty()) {
                problems.add(Problem.of("materialIds", "schedule.error.material", m));
            }
        }
        if (d.attendeeIds() != null && d.attendeeIds().isEmpty()) {
            problems.add(Problem.of("attendeeIds", "schedule.error.attendees"));
        }
        return problems;
    }

    private List<Long> attendeesOf(SessionDraft d) {
        if (d == null) {
            return List.of();
        }
        if (d.attendeeIds() != null) {
            for (long m : d.attendeeIds()) {
                MemberRow row = members.member(m).orElseThrow(() ->
                        new ValidationException(Problem.of("attendeeIds", "schedule.error.attendee-scope")));
                if (!org.canManage(row.unitId())) {
                    throw new ValidationException(Problem.of("attendeeIds", "schedule.error.attendee-scope"));
                }
            }
            return List.copyOf(new LinkedHashSet<>(d.attendeeIds()));
        }
        List<Long> ids = new ArrayList<>();
        int page = 0;
        Page<MemberRow> p;
        do {
            p = members.search(new MemberFilter(null, d.unitId(), true, null), page++, 200);
            p.forEach(m -> ids.add(m.id()));
        } while (p.hasNext());
        return ids;
    }

    private List<Conflict> conflicts(SessionDraft d, Map<Long, String> names) {
        List<Conflict> found = new ArrayList<>();
        LocalDateTime from = d.startsAt();
        LocalDateTime to = d.endsAt();
        for (Session s : store.sessions(List.of(d.unitId()), from, to)) {
            if (!Objects.equals(s.id(), d.id()) && s.status() != SessionStatus.CANCELLED) {
                found.add(new Conflict(Conflict.Kind.UNIT_OVERLAP, s.id(), s.topic(), names.get(s.unitId())));
            }
        }
        if (d.hostMemberId() != null) {
            for (Session s : store.hostedBy(d.hostMemberId(), from, to)) {
                if (!Objects.equals(s.id(), d.id())) {
                    found.add(new Conflict(Conflict.Kind.HOST_DOUBLE_BOOKED, s.id(), s.topic(),
                            names.get(s.unitId())));
                }
            }
        }
        return found;
    }

    private SessionCard card(Session s, Map<Long, String> names) {
        SessionStore.Counts c = store.counts(s.id());
        return new SessionCard(s.id(), s.unitId(), names.getOrDefault(s.unitId(), ""), s.type(), s.topic(),
                s.startsAt(), s.endsAt(), s.place(), s.host(), s.status(), c.expected(), c.attended());
    }

    private Map<Long, String> unitNames() {
        Map<Long, String> names = new HashMap<>();
        org.visibleUnits().forEach(u -> names.put(u.id(), u.name()));
        return names;
    }

    private Map<Long, MemberRow> people(List<Long> ids) {
        Map<Long, MemberRow> found = new HashMap<>();
        for (long id : ids) {
            members.member(id).ifPresent(m -> found.put(id, m));
        }
        return found;
    }

    private static String describe(SessionDraft d) {
        return d.type() + " " + d.startsAt() + " " + d.topic() + (d.examId() == null ? "" : " quiz " + d.examId());
    }

    /**
     * Results of attempts graded before the test was linked (the listener keeps only theme-day quizzes' events, and
     * a failure there is logged, not retried): the counted attempt of each person, as the exam module reports it.
     */
    private void copyQuizResults(long examId, java.time.Instant now) {
        for (ResultRow r : exams.results(examId, new ResultFilter(null, null, null, false))) {
            if (r.countedAttemptId() != null && r.passed() != null && r.percent() != null) {
                store.recordQuizResult(examId, r.memberId(), r.countedAttemptId(), r.percent(), r.passed(),
                        r.submittedAt() == null ? now : r.submittedAt());
            }
        }
    }
}
