package org.mingze.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.TestData;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.audit.AuditQuery;
import org.mingze.base.security.Role;
import org.mingze.base.validation.ValidationException;
import org.mingze.library.LibraryFixtures;
import org.mingze.library.LibraryTest;
import org.mingze.library.MutableClock;
import org.mingze.library.StudyHow;
import org.mingze.library.StudyService;
import org.mingze.library.internal.LibraryContent;
import org.mingze.org.internal.Account;
import org.mingze.org.internal.Unit;
import org.mingze.schedule.internal.CheckInCodes;
import org.mingze.schedule.internal.SessionStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Check-in with the rotating code, attendance by hand, leave, closing the record and make-up study. */
@MingzeTest
@LibraryTest
class AttendanceServiceTest {

    static final LocalDateTime START = LocalDateTime.of(2026, 12, 4, 14, 30);

    @Autowired
    ScheduleService schedule;
    @Autowired
    AttendanceService attendance;
    @Autowired
    SessionStore store;
    @Autowired
    StudyService study;
    @Autowired
    AuditLog audit;
    @Autowired
    TestData data;
    @Autowired
    MutableClock clock;
    @Autowired
    LibraryContent content;

    Unit branch;
    Account secretary;
    Account alice;
    Account bob;
    long session;

    @BeforeEach
    void setUp() {
        LibraryFixtures.install(content);
        at(LocalDateTime.of(2026, 11, 28, 9, 0));
        branch = data.branch();
        secretary = data.account(branch, Role.ORGANIZER);
        alice = data.account(branch, Role.LEARNER);
        bob = data.account(branch, Role.LEARNER);
        data.signIn(secretary.getUsername());
        session = schedule.save(SessionDraft.of(branch.getId(), SessionType.THEME_DAY, "十二月主题党日", START)
                .withMaterials(java.util.List.of("zhuti/diyi-zeren"))).session().id();
    }

    @AfterEach
    void tearDown() {
        data.signOut();
        clock.reset();
    }

    void at(LocalDateTime t) {
        clock.set(t.atZone(clock.getZone()).toInstant());
    }

    String codeNow() {
        return new CheckInCodes(store.session(session).orElseThrow().checkinSecret()).codeAt(clock.instant());
    }

    AttendanceStatus statusOf(Account who) {
        return store.attendee(session, who.getMemberId()).orElseThrow().status();
    }

    @Test
    void a_member_checks_in_with_the_code_on_the_hosts_screen_and_is_present() {
        at(START.minusMinutes(5));
        CheckInCode screen = attendance.hostCode(session);
        assertThat(screen.open()).isTrue();
        assertThat(screen.code()).matches("\\d{6}");

        data.signIn(alice.getUsername());
        CheckInResult r = attendance.checkIn(session, screen.code());

        assertThat(r.status()).isEqualTo(AttendanceStatus.PRESENT);
        assertThat(statusOf(alice)).isEqualTo(AttendanceStatus.PRESENT);
        assertThat(store.attendee(session, alice.getMemberId()).orElseThrow().how()).isEqualTo("CODE");
        assertThat(attendance.checkIn(session, "000000").alreadyCheckedIn()).as("checking in twice is harmless")
                .isTrue();
    }

    @Test
    void a_member_who_checks_in_more_than_ten_minutes_after_the_start_is_late() {
        at(START.plusMinutes(25));
        String code = codeNow();
        data.signIn(alice.getUsername());

        assertThat(attendance.checkIn(session, code).status()).isEqualTo(AttendanceStatus.LATE);
    }

    @Test
    void a_code_from_a_minute_ago_or_a_guess_fails_and_the_member_stays_expected() {
        at(START);
        String old = codeNow();
        at(START.plusSeconds(61));
        data.signIn(alice.getUsername());

        assertThatThrownBy(() -> attendance.checkIn(session, old)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.problems().get(0).key()).isEqualTo("schedule.error.code"));
        String now = codeNow();
        String guess = now.equals("123456") ? "654321" : "123456";
        assertThatThrownBy(() -> attendance.checkIn(session, guess)).isInstanceOf(ValidationException.class);
        assertThat(statusOf(alice)).isEqualTo(AttendanceStatus.EXPECTED);
    }

    @Test
    void after_ten_wrong_codes_even_the_right_one_is_refused_until_the_host_marks_the_member() {
        at(START);
        data.signIn(alice.getUsername());
        String right = codeNow();
        String wrong = right.equals("111111") ? "222222" : "111111";
        for (int i = 0; i < AttendanceService.MAX_FAILED_CODES; i++) {
            assertThatThrownBy(() -> attendance.checkIn(session, wrong)).isInstanceOf(ValidationException.class);
        }

        assertThatThrownBy(() -> attendance.checkIn(session, right)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.problems().get(0).key()).isEqualTo("schedule.error.too-many-codes"));
        data.signIn(secretary.getUsername());
        attendance.mark(session, alice.getMemberId(), AttendanceStatus.PRESENT);
        assertThat(statusOf(alice)).isEqualTo(AttendanceStatus.PRESENT);
    }

    @Test
    void codes_are_refused_outside_the_session_window_and_from_people_not_expected() {
        at(START.minusMinutes(31));
        assertThat(attendance.hostCode(session).open()).isFalse();
        assertThat(attendance.hostCode(session).code()).isNull();
        data.signIn(alice.getUsername());
        String early = codeNow();
        assertThatThrownBy(() -> attendance.checkIn(session, early)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.problems().get(0).key()).isEqualTo("schedule.error.window"));

        at(START);
        Account outsider = data.account(data.branch(), Role.LEARNER);
        data.signIn(outsider.getUsername());
        String code = codeNow();
        assertThatThrownBy(() -> attendance.checkIn(session, code)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.problems().get(0).key()).isEqualTo("schedule.error.not-attendee"));
    }

    @Test
    void only_the_sessions_organisers_see_the_code_or_mark_attendance() {
        at(START);
        data.signIn(alice.getUsername());
        assertThatThrownBy(() -> attendance.hostCode(session)).isInstanceOf(AccessDeniedException.class);

        Account otherSecretary = data.account(data.branch(), Role.ORGANIZER);
        data.signIn(otherSecretary.getUsername());
        assertThatThrownBy(() -> attendance.hostCode(session)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> attendance.mark(session, alice.getMemberId(), AttendanceStatus.ABSENT))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> attendance.close(session)).isInstanceOf(AccessDeniedException.class);
        assertThat(statusOf(alice)).isEqualTo(AttendanceStatus.EXPECTED);
    }

    @Test
    void approved_leave_marks_the_member_on_leave_and_assigns_make_up_study_which_the_study_check_completes() {
        data.signIn(alice.getUsername());
        LeaveRow asked = attendance.requestLeave(session, "当天执行安保任务");
        assertThat(asked.decision()).isEqualTo(LeaveDecision.PENDING);
        assertThatThrownBy(() -> attendance.requestLeave(session, "再请一次")).isInstanceOf(ValidationException.class);

        data.signIn(secretary.getUsername());
        attendance.decideLeave(asked.id(), true, null);
        assertThat(statusOf(alice)).isEqualTo(AttendanceStatus.LEAVE);

        data.signIn(alice.getUsername());
        assertThat(attendance.myMakeups()).singleElement().satisfies(m -> {
            assertThat(m.cause()).isEqualTo("LEAVE");
            assertThat(m.materialIds()).containsExactly("zhuti/diyi-zeren");
            // approved on 28 November for the session of 4 December: 14 days from the session, not from approval
            assertThat(m.dueOn()).isEqualTo(java.time.LocalDate.of(2026, 12, 18));
            assertThat(m.done()).isFalse();
        });

        study.markStudied(alice.getMemberId(), "zhuti/diyi-zeren", StudyHow.QUIZ);
        assertThat(attendance.myMakeups()).singleElement().satisfies(m -> {
            assertThat(m.done()).isTrue();
            assertThat(m.studiedIds()).containsExactly("zhuti/diyi-zeren");
        });
    }

    @Test
    void leave_can_be_asked_only_before_the_start_and_refused_only_with_a_reason() {
        data.signIn(bob.getUsername());
        LeaveRow asked = attendance.requestLeave(session, "家中有事");

        data.signIn(secretary.getUsername());
        assertThatThrownBy(() -> attendance.decideLeave(asked.id(), false, "")).isInstanceOfSatisfying(
                ValidationException.class,
                e -> assertThat(e.problems().get(0).key()).isEqualTo("schedule.error.reject-comment"));
        assertThat(attendance.decideLeave(asked.id(), false, "本次为专题党课，请调整安排").decision())
                .isEqualTo(LeaveDecision.REJECTED);
        assertThat(statusOf(bob)).isEqualTo(AttendanceStatus.EXPECTED);

        at(START.plusMinutes(1));
        data.signIn(alice.getUsername());
        assertThatThrownBy(() -> attendance.requestLeave(session, "迟到了")).isInstanceOfSatisfying(
                ValidationException.class,
                e -> assertThat(e.problems().get(0).key()).isEqualTo("schedule.error.leave-late"));
    }

    @Test
    void closing_the_record_makes_the_missing_absent_and_gives_them_make_up_study_once() {
        at(START);
        String code = codeNow();
        data.signIn(alice.getUsername());
        attendance.checkIn(session, code);
        data.signIn(secretary.getUsername());

        at(START.plusHours(2));
        int assigned = attendance.close(session);

        assertThat(statusOf(bob)).isEqualTo(AttendanceStatus.ABSENT);
        assertThat(statusOf(secretary)).isEqualTo(AttendanceStatus.ABSENT);
        assertThat(assigned).isEqualTo(2);
        assertThat(attendance.makeups(session)).extracting(MakeupRow::memberId)
                .containsExactlyInAnyOrder(bob.getMemberId(), secretary.getMemberId());
        assertThat(schedule.detail(session).card().status()).isEqualTo(SessionStatus.HELD);
        assertThat(schedule.detail(session).card().attended()).isEqualTo(1);
        assertThatThrownBy(() -> attendance.close(session)).isInstanceOf(ValidationException.class);

        attendance.mark(session, bob.getMemberId(), AttendanceStatus.ABSENT);
        assertThat(attendance.makeups(session)).hasSize(2);
    }

    @Test
    void every_check_in_mark_leave_and_closing_is_in_the_audit_log() {
        long before = auditedForSession();
        at(START);
        String code = codeNow();
        data.signIn(alice.getUsername());
        attendance.checkIn(session, code);
        data.signIn(secretary.getUsername());
        attendance.mark(session, bob.getMemberId(), AttendanceStatus.LATE);
        at(START.plusHours(2));
        attendance.close(session);

        assertThat(auditedForSession() - before)
                .as("check-in, mark, make-up for the secretary, closing").isEqualTo(4);
    }

    long auditedForSession() {
        var current = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        data.signIn("admin");
        try {
            return audit.count(new AuditQuery(null, null, "session", String.valueOf(session), null, null));
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(current);
        }
    }

    @Test
    void attendees_can_be_added_and_removed_before_the_session() {
        Account carol = data.account(branch, Role.LEARNER);
        SessionDetail d = schedule.detail(session);

        schedule.save(d.draft().withAttendees(Set.of(alice.getMemberId(), carol.getMemberId())));

        assertThat(schedule.detail(session).attendees()).extracting(AttendeeRow::memberId)
                .containsExactlyInAnyOrder(alice.getMemberId(), carol.getMemberId());
    }
}
