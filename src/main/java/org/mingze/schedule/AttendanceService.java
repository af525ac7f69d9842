package org.mingze.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.security.Roles;
import org.mingze.base.validation.Problem;
import org.mingze.base.validation.ValidationException;
import org.mingze.library.MaterialSource;
import org.mingze.library.StudyService;
import org.mingze.org.MemberRow;
import org.mingze.org.MemberService;
import org.mingze.org.OrgService;
import org.mingze.schedule.internal.CheckInCodes;
import org.mingze.schedule.internal.MakeupProgress;
import org.mingze.schedule.internal.SessionStore;
import org.mingze.schedule.internal.SessionStore.Session;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Before, during and after a session: the rotating check-in code on the host's screen and members checking in with
 * it; attendance marked by hand; leave requests and their decisions; closing the record, which turns the missing
 * into absentees; and make-up study (补学) for everyone on leave or absent. Every change is in the audit log with
 * who made it.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class AttendanceService {

    /** Checking in later than this after the start counts as late. */
    public static final Duration LATE_AFTER = Duration.ofMinutes(10);
    /** Wrong codes a person may type per session before only the organiser can mark them. */
    public static final int MAX_FAILED_CODES = 10;

    private final SessionStore store;
    private final OrgService org;
    private final MemberService members;
    private final StudyService study;
    private final MaterialSource materials;
    private final MakeupProgress progress;
    private final AuditLog audit;
    private final Clock clock;

    AttendanceService(SessionStore store, OrgService org, MemberService members, StudyService study,
                      MaterialSource materials, MakeupProgress progress, AuditLog audit, Clock clock) {
        this.materials = materials;
        this.progress = progress;
        this.store = store;
        this.org = org;
        this.members = members;
        this.study = study;
        this.audit = audit;
        this.clock = clock;
    }

    /** The code for the host's screen; organisers of the session's unit only. */
    @PreAuthorize("hasAnyRole('" + Roles.ORGANIZER + "','" + Roles.ADMIN + "')")
    public CheckInCode hostCode(long sessionId) {
        Session s = managed(sessionId);
        Instant now = clock.instant();
        LocalDateTime opens = s.startsAt().minusMinutes(s.checkinMarginMinutes());
        LocalDateTime closes = s.endsAt().plusMinutes(s.checkinMarginMinutes());
        boolean open = s.status() == SessionStatus.PLANNED && inWindow(s, now);
        CheckInCodes codes = new CheckInCodes(s.checkinSecret());
        return new CheckInCode(s.id(), open ? codes.codeAt(now) : null,
                (int) ((codes.remaining(now).toMillis() + 999) / 1000),
                opens, closes, open, "schedule/checkin/" + s.id());
    }

    /**
     * The signed-in member checks in with the code on the host's screen.
     *
     * @throws ValidationException not expected at this session, outside the window, a wrong or stale code, too many
     *                             wrong codes, or on approved leave
     */
    @Transactional(noRollbackFor = ValidationException.class) // a wrong code is counted and audited, then refused
    public CheckInResult checkIn(long sessionId, String code) {
        Long me = CurrentUser.require().memberId();
        Session s = store.sessionForUpdate(sessionId)
                .orElseThrow(() -> new ValidationException(Problem.of("code", "schedule.error.no-session")));
        SessionStore.Attendee a = me == null ? null : store.attendee(sessionId, me).orElse(null);
        if (a == null) {
            throw new ValidationException(Problem.of("code", "schedule.error.not-attendee"));
        }
        if (a.status().attended()) {
            return new CheckInResult(s.id(), s.topic(), a.status(), true);
        }
        Instant now = clock.instant();
        if (s.status() != SessionStatus.PLANNED || !inWindow(s, now)) {
            throw new ValidationException(Problem.of("code", "schedule.error.window",
                    s.startsAt().minusMinutes(s.checkinMarginMinutes()).toLocalTime(),
                    s.endsAt().plusMinutes(s.checkinMarginMinutes()).toLocalTime()));
        }
        if (a.failedCodes() >= MAX_FAILED_CODES) {
            throw new ValidationException(Problem.of("code", "schedule.error.too-many-codes"));
        }
        if (!new CheckInCodes(s.checkinSecret()).accepts(code, now)) {
            int failed = store.countFailedCode(sessionId, me);
            audit.record("SCHEDULE_CHECKIN_REJECTED", "session", sessionId, "wrong code #" + failed);
            throw new ValidationException(Problem.of("code", "schedule.error.code", MAX_FAILED_CODES - failed));
        }
        LocalDateTime local = LocalDateTime.ofInstant(now, zone());
        AttendanceStatus status = local.isAfter(s.startsAt().plus(LATE_AFTER)) ? AttendanceStatus.LATE
                : AttendanceStatus.PRESENT;
        store.mark(sessionId, me, status, "CODE", CurrentUser.actor(), now);
        audit.record("SCHEDULE_CHECKIN", "session", sessionId, status.name());
        return new CheckInResult(s.id(), s.topic(), status, false);
    }

    /** An organiser marks a person's attendance by hand (present, late, leave, absent, or back to expected). */
    @PreAuthorize("hasAnyRole('" + Roles.ORGANIZER + "','" + Roles.ADMIN + "')")
    @Transactional
    public void mark(long sessionId, long memberId, AttendanceStatus status) {
        Session s = managed(sessionId);
        if (s.status() == SessionStatus.CANCELLED) {
            throw new ValidationException(Problem.of("status", "schedule.error.cancelled"));
        }
        SessionStore.Attendee a = store.attendee(sessionId, memberId)
                .orElseThrow(() -> new ValidationException(Problem.of("memberId", "schedule.error.not-attendee-other")));
        Instant now = clock.instant();
        store.mark(sessionId, memberId, status, status == AttendanceStatus.EXPECTED ? null : "HAND",
                status == AttendanceStatus.EXPECTED ? null : CurrentUser.actor(),
                status == AttendanceStatus.EXPECTED ? null : now);
        audit.record("SCHEDULE_ATTENDANCE_MARK", "session", sessionId,
                "member " + memberId + ": " + a.status() + " → " + status);
        if (s.status() == SessionStatus.HELD && (status == AttendanceStatus.ABSENT || status == AttendanceStatus.LEAVE)) {
            assignMakeup(s, memberId, status == AttendanceStatus.LEAVE ? "LEAVE" : "ABSENT", now);
        }
    }

    /**
     * The signed-in member asks for leave (请假) before the session starts, with a reason.
     *
     * @throws ValidationException no reason, too late, not expected, or asked already
     */
    @Transactional
    public LeaveRow requestLeave(long sessionId, String reason) {
        Long me = CurrentUser.require().memberId();
        Session s = store.sessionForUpdate(sessionId)
                .orElseThrow(() -> new ValidationException(Problem.of("reason", "schedule.error.no-session")));
        if (me == null || store.attendee(sessionId, me).isEmpty()) {
            throw new ValidationException(Problem.of("reason", "schedule.error.not-attendee"));
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 2 || why.length() > 500) {
            throw new ValidationException(Problem.of("reason", "schedule.error.leave-reason"));
        }
        Instant now = clock.instant();
        if (s.status() != SessionStatus.PLANNED || !LocalDateTime.ofInstant(now, zone()).isBefore(s.startsAt())) {
            throw new ValidationException(Problem.of("reason", "schedule.error.leave-late"));
        }
        if (store.leaveOf(sessionId, me).isPresent()) {
            throw new ValidationException(Problem.of("reason", "schedule.error.leave-twice"));
        }
        long id = store.insertLeave(sessionId, me, why, now);
        audit.record("SCHEDULE_LEAVE_REQUEST", "session", sessionId, why);
        return leaveRow(store.leave(id).orElseThrow(), s);
    }

    /**
     * An organiser approves or rejects a leave request. Approval marks the person on leave and assigns the make-up
     * study at once; a rejection needs a comment that says why.
     */
    @PreAuthorize("hasAnyRole('" + Roles.ORGANIZER + "','" + Roles.ADMIN + "')")
    @Transactional
    public LeaveRow decideLeave(long leaveId, boolean approve, String comment) {
        SessionStore.Leave l = store.leave(leaveId)
                .orElseThrow(() -> new ValidationException(Problem.of("leave", "schedule.error.no-leave")));
        Session s = managed(l.sessionId());
        String note = comment == null ? null : comment.strip();
        if (!approve && (note == null || note.length() < 2)) {
            throw new ValidationException(Problem.of("comment", "schedule.error.reject-comment"));
        }
        if (note != null && note.length() > 500) {
            throw new ValidationException(Problem.of("comment", "schedule.error.comment-long"));
        }
        if (l.decision() != LeaveDecision.PENDING) {
            throw new ValidationException(Problem.of("leave", "schedule.error.leave-decided"));
        }
        Instant now = clock.instant();
        LeaveDecision decision = approve ? LeaveDecision.APPROVED : LeaveDecision.REJECTED;
        store.decideLeave(leaveId, decision, CurrentUser.actor(), note, now);
        if (approve) {
            store.mark(s.id(), l.memberId(), AttendanceStatus.LEAVE, "HAND", CurrentUser.actor(), now);
            assignMakeup(s, l.memberId(), "LEAVE", now);
        }
        audit.record(approve ? "SCHEDULE_LEAVE_APPROVE" : "SCHEDULE_LEAVE_REJECT", "session", s.id(),
                "member " + l.memberId() + (note == null ? "" : "：" + note));
        return leaveRow(store.leave(leaveId).orElseThrow(), s);
    }

    /**
     * Closes a session's record (the session took place): whoever is still expected becomes absent, and everyone on
     * leave or absent gets the make-up study. Returns the number of make-ups assigned.
     */
    @PreAuthorize("hasAnyRole('" + Roles.ORGANIZER + "','" + Roles.ADMIN + "')")
    @Transactional
    public int close(long sessionId) {
        Session s = managed(sessionId);
        if (s.status() != SessionStatus.PLANNED) {
            throw new ValidationException(Problem.of("status", "schedule.error.not-planned"));
        }
        Instant now = clock.instant();
        if (LocalDateTime.ofInstant(now, zone()).isBefore(s.startsAt())) {
            throw new ValidationException(Problem.of("status", "schedule.error.close-early"));
        }
        int assigned = 0;
        for (SessionStore.Attendee a : store.attendees(sessionId)) {
            AttendanceStatus st = a.status();
            if (st == AttendanceStatus.EXPECTED) {
                store.mark(sessionId, a.memberId(), AttendanceStatus.ABSENT, "HAND", CurrentUser.actor(), now);
                st = AttendanceStatus.ABSENT;
            }
            if (st == AttendanceStatus.ABSENT || st == AttendanceStatus.LEAVE) {
                if (assignMakeup(s, a.memberId(), st == AttendanceStatus.LEAVE ? "LEAVE" : "ABSENT", now)) {
                    assigned++;
                }
            }
        }
        store.setStatus(sessionId, SessionStatus.HELD, null, now);
        SessionStore.Counts c = store.counts(sessionId);
        audit.record("SCHEDULE_SESSION_HELD", "session", sessionId,
                c.attended() + "/" + c.expected() + ", 补学 " + assigned);
        return assigned;
    }

    /** The signed-in member's make-ups, open first; each is checked for completion as it is read. */
    @Transactional
    public List<MakeupRow> myMakeups() {
        Long me = CurrentUser.require().memberId();
        if (me == null) {
            return List.of();
        }
        List<MakeupRow> rows = new ArrayList<>();
        for (SessionStore.Makeup m : store.makeupsOf(me)) {
            rows.add(row(refresh(m), null));
        }
        rows.sort((a, b) -> Boolean.compare(a.done(), b.done()));
        return rows;
    }

    /** The make-ups of a session, for its organisers, administrators and auditors. */
    @PreAuthorize("hasAnyRole('" + Roles.ORGANIZER + "','" + Roles.ADMIN + "','" + Roles.AUDITOR + "')")
    @Transactional
    public List<MakeupRow> makeups(long sessionId) {
        Session s = store.session(sessionId).orElseThrow(() -> new AccessDeniedException("session"));
        if (!org.canRead(s.unitId())) {
            throw new AccessDeniedException("session " + sessionId);
        }
        List<MakeupRow> rows = new ArrayList<>();
        for (SessionStore.Makeup m : store.makeupsOfSession(sessionId)) {
            MemberRow who = members.member(m.memberId()).orElse(null);
            rows.add(row(refresh(m), who == null ? null : who.name()));
        }
        return rows;
    }

    // helpers

    private SessionStore.Makeup refresh(SessionStore.Makeup m) {
        return progress.refresh(m);
    }

    private MakeupRow row(SessionStore.Makeup m, String name) {
        Session s = store.session(m.sessionId()).orElseThrow();
        List<String> mats = store.materials(s.id());
        Set<String> studied = study.studiedMaterials(m.memberId());
        return new MakeupRow(m.id(), s.id(), s.topic(), s.startsAt().toLocalDate(), m.memberId(), name, m.cause(),
                m.dueOn(), m.doneAt(), mats,
                mats.stream().map(id -> materials.find(id).map(x -> x.title()).orElse(id)).toList(),
                mats.stream().filter(studied::contains).toList(), s.examId(),
                m.escalation(), s.examTitle(), s.examId() != null && store.passedQuiz(s.examId(), m.memberId()));
    }

    private boolean assignMakeup(Session s, long memberId, String cause, Instant now) {
        // counted from the session day, or from today when the leave or absence is recorded after it: leave approved
        // weeks ahead must not fall due before the session has even been held
        LocalDate today = LocalDate.ofInstant(now, zone());
        LocalDate from = s.startsAt().toLocalDate().isAfter(today) ? s.startsAt().toLocalDate() : today;
        LocalDate due = from.plusDays(s.makeupDays());
        boolean created = store.insertMakeup(s.id(), memberId, cause, due, now);
        if (created) {
            audit.record("SCHEDULE_MAKEUP_ASSIGN", "session", s.id(), "member " + memberId + " " + cause + " → " + due);
        }
        return created;
    }

    private LeaveRow leaveRow(SessionStore.Leave l, Session s) {
        String name = members.member(l.memberId()).map(MemberRow::name).orElse("#" + l.memberId());
        return new LeaveRow(l.id(), s.id(), s.topic(), l.memberId(), name, l.reason(), l.requestedAt(), l.decision(),
                l.decidedBy(), l.comment());
    }

    private Session managed(long sessionId) {
        Session s = store.session(sessionId).orElseThrow(() -> new AccessDeniedException("session " + sessionId));
        org.requireManage(s.unitId());
        return s;
    }

    private boolean inWindow(Session s, Instant now) {
        LocalDateTime t = LocalDateTime.ofInstant(now, zone());
        return !t.isBefore(s.startsAt().minusMinutes(s.checkinMarginMinutes()))
                && !t.isAfter(s.endsAt().plusMinutes(s.checkinMarginMinutes()));
    }

    private ZoneId zone() {
        return clock.getZone();
    }
}
