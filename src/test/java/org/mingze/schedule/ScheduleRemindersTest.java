package org.mingze.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.TestData;
import org.mingze.base.notify.Notice;
import org.mingze.base.notify.NotificationService;
import org.mingze.base.security.Role;
import org.mingze.library.LibraryFixtures;
import org.mingze.library.LibraryTest;
import org.mingze.library.MutableClock;
import org.mingze.library.StudyHow;
import org.mingze.library.StudyService;
import org.mingze.library.internal.LibraryContent;
import org.mingze.org.UnitKind;
import org.mingze.org.internal.Account;
import org.mingze.org.internal.Unit;
import org.mingze.schedule.internal.ScheduleReminders;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reminders before a session and the escalation of an overdue make-up, with the clock moved by the test: the person
 * the day after the due date, the branch secretary 4 days after, the committee's organiser 8 days after; each once,
 * and nothing once the make-up is done.
 */
@MingzeTest
@LibraryTest
class ScheduleRemindersTest {

    static final LocalDateTime START = LocalDateTime.of(2027, 3, 5, 14, 30);

    @Autowired
    ScheduleService schedule;
    @Autowired
    AttendanceService attendance;
    @Autowired
    ScheduleReminders reminders;
    @Autowired
    NotificationService notices;
    @Autowired
    StudyService study;
    @Autowired
    TestData data;
    @Autowired
    MutableClock clock;
    @Autowired
    LibraryContent content;

    Unit committee;
    Unit branch;
    Account committeeOrganiser;
    Account secretary;
    Account member;
    long session;

    @BeforeEach
    void setUp() {
        LibraryFixtures.install(content);
        at(LocalDateTime.of(2027, 2, 20, 9, 0));
        committee = data.unit("测试党委" + TestData.next(), UnitKind.COMMITTEE, data.committee());
        branch = data.unit("测试党支部" + TestData.next(), UnitKind.BRANCH, committee);
        committeeOrganiser = data.account(committee, Role.ORGANIZER);
        secretary = data.account(branch, Role.ORGANIZER);
        member = data.account(data.unit("测试党小组" + TestData.next(), UnitKind.GROUP, branch), Role.LEARNER);
        data.signIn(secretary.getUsername());
        session = schedule.save(SessionDraft.of(branch.getId(), SessionType.THEME_DAY, "三月主题党日", START)
                .withMaterials(List.of("zhuti/diyi-zeren"))).session().id();
        data.signOut();
        reminders.sweep(); // whatever other tests left due is sent now, not counted below
    }

    @AfterEach
    void tearDown() {
        data.signOut();
        clock.reset();
    }

    void at(LocalDateTime t) {
        clock.set(t.atZone(clock.getZone()).toInstant());
    }

    List<Notice> inboxOf(Account a) {
        data.signIn(a.getUsername());
        try {
            return notices.inbox(50);
        } finally {
            data.signOut();
        }
    }

    long about(Account a, String titleStart) {
        return inboxOf(a).stream().filter(n -> n.title().startsWith(titleStart)).count();
    }

    @Test
    void attendees_are_reminded_three_days_and_one_day_before_each_once() {
        at(START.minusDays(4));
        reminders.sweep();
        assertThat(about(member, "会议提醒")).isZero();

        at(START.minusDays(3).plusHours(1));
        reminders.sweep();
        reminders.sweep();
        assertThat(about(member, "会议提醒")).isEqualTo(1);
        assertThat(about(secretary, "会议提醒")).as("the secretary is expected too").isEqualTo(1);

        at(START.minusHours(20));
        reminders.sweep();
        assertThat(about(member, "会议提醒")).isEqualTo(2);
        assertThat(inboxOf(member).get(0).link()).isEqualTo("schedule/session/" + session);

        at(START.plusMinutes(5));
        reminders.sweep();
        assertThat(about(member, "会议提醒")).isEqualTo(2);
    }

    @Test
    void someone_on_leave_is_not_reminded() {
        data.signIn(member.getUsername());
        LeaveRow leave = attendance.requestLeave(session, "出差");
        data.signIn(secretary.getUsername());
        attendance.decideLeave(leave.id(), true, null);
        data.signOut();

        at(START.minusDays(2));
        reminders.sweep();

        assertThat(about(member, "会议提醒")).isZero();
    }

    @Test
    void an_overdue_make_up_goes_to_the_person_then_the_secretary_then_the_committee_and_stops_when_done() {
        at(START.plusHours(3));
        data.signIn(secretary.getUsername());
        attendance.mark(session, secretary.getMemberId(), AttendanceStatus.PRESENT);
        attendance.close(session); // the member never came: absent, make-up due in 14 days
        data.signOut();
        LocalDate due = START.toLocalDate().plusDays(14);

        at(due.atTime(20, 0));
        reminders.sweep();
        assertThat(about(member, "补学已逾期")).as("not overdue on the due day").isZero();

        at(due.plusDays(1).atTime(8, 0));
        reminders.sweep();
        reminders.sweep();
        assertThat(about(member, "补学已逾期")).isEqualTo(1);
        assertThat(about(secretary, "补学逾期督办")).isZero();

        at(due.plusDays(ScheduleReminders.TO_SECRETARY).atTime(8, 0));
        reminders.sweep();
        assertThat(about(secretary, "补学逾期督办")).isEqualTo(1);
        assertThat(about(committeeOrganiser, "补学逾期督办")).isZero();

        at(due.plusDays(ScheduleReminders.TO_COMMITTEE).atTime(8, 0));
        reminders.sweep();
        assertThat(about(committeeOrganiser, "补学逾期督办")).isEqualTo(1);
        assertThat(inboxOf(committeeOrganiser).get(0).body()).contains("三月主题党日").contains("逾期8天");

        study.markStudied(member.getMemberId(), "zhuti/diyi-zeren", StudyHow.QUIZ);
        clock.advance(Duration.ofDays(30));
        ScheduleReminders.Sent after = reminders.sweep();
        assertThat(after.makeupNudges()).isZero();
        data.signIn(member.getUsername());
        assertThat(attendance.myMakeups()).singleElement().satisfies(m -> assertThat(m.done()).isTrue());
    }

    @Test
    void a_make_up_done_in_time_is_never_escalated() {
        at(START.plusHours(3));
        data.signIn(secretary.getUsername());
        attendance.mark(session, secretary.getMemberId(), AttendanceStatus.PRESENT);
        attendance.close(session);
        data.signOut();
        study.markStudied(member.getMemberId(), "zhuti/diyi-zeren", StudyHow.QUIZ);

        at(START.plusDays(40));
        reminders.sweep();

        assertThat(about(member, "补学已逾期")).isZero();
        assertThat(about(secretary, "补学逾期督办")).isZero();
    }
}
