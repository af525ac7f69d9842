package org.mingze.schedule.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.security.MingzeUser;
import org.mingze.org.DemoSeeding;
import org.mingze.org.UnitNode;
import org.mingze.schedule.AttendanceService;
import org.mingze.schedule.AttendanceStatus;
import org.mingze.schedule.AttendeeRow;
import org.mingze.schedule.ScheduleService;
import org.mingze.schedule.SessionDraft;
import org.mingze.schedule.SessionType;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Demo sessions for 城关派出所党支部, scheduled through the real services as its secretary (lihm) would: the theme
 * days of the last two months, held, with attendance (王振华 on leave last month, so he has make-up study), a branch
 * committee meeting, and next month's theme day with reading. No 党课 this quarter, so the cadence check flags it.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "mingze.demo.enabled", havingValue = "true")
class ScheduleDemoData implements ApplicationRunner {

    private final ScheduleService schedule;
    private final AttendanceService attendance;
    private final DemoSeeding seeding;
    private final UserDetailsService users;
    private final JdbcClient jdbc;
    private final Clock clock;

    ScheduleDemoData(ScheduleService schedule, AttendanceService attendance, DemoSeeding seeding,
                     UserDetailsService users, JdbcClient jdbc, Clock clock) {
        this.schedule = schedule;
        this.attendance = attendance;
        this.seeding = seeding;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM schedule_session").query(Long.class).single() > 0) {
            return;
        }
        seeding.inBranch("lihm", "Demo sessions", this::sessions);
    }

    private boolean sessions(UnitNode branch) {
        LocalDate today = LocalDate.now(clock);
        Long wang = wangId();
        LocalDate thisMonths = firstFriday(today);
        LocalDate latest = thisMonths.isBefore(today) ? thisMonths : firstFriday(today.minusMonths(1));
        for (int monthsAgo = 2; monthsAgo >= 1; monthsAgo--) {
            LocalDate day = firstFriday(latest.minusMonths(monthsAgo - 1));
            long id = schedule.save(SessionDraft.of(branch.id(), SessionType.THEME_DAY,
                            monthsAgo == 2 ? "主题党日：书记第一责任人" : "主题党日：一岗双责与责任清单",
                            day.atTime(LocalTime.of(14, 30)))
                    .withMaterials(monthsAgo == 2 ? List.of("zhuti/diyi-zeren")
                            : List.of("zhuti/yigang-shuangze-jiedu", "zeren/zeren-qingdan"))
                    .withHost("李红梅", null)).session().id();
            held(id, monthsAgo == 1 ? wang : null);
        }
        long committee = schedule.save(SessionDraft.of(branch.id(), SessionType.COMMITTEE_MEETING,
                "支委会：研究年度述职评议安排", today.minusMonths(1).withDayOfMonth(12).atTime(9, 0))).session().id();
        held(committee, null);
        LocalDate next = firstFriday(today.plusMonths(today.getDayOfMonth() > 7 ? 1 : 0));
        if (!next.isAfter(today)) {
            next = firstFriday(today.plusMonths(1));
        }
        schedule.save(SessionDraft.of(branch.id(), SessionType.THEME_DAY, "主题党日：压力传导，防止逐级弱化",
                next.atTime(LocalTime.of(14, 30))).withMaterials(List.of("zhuti/yali-chuandao"))
                .withHost("李红梅", null));
        return true;
    }

    private void held(long sessionId, Long onLeave) {
        List<AttendeeRow> people = schedule.detail(sessionId).attendees();
        Long me = CurrentUser.require().memberId();
        long absent = people.stream().map(AttendeeRow::memberId)
                .filter(m -> !m.equals(me) && !m.equals(onLeave)).reduce((a, b) -> b).orElse(-1L);
        for (int i = 0; i < people.size(); i++) {
            AttendeeRow a = people.get(i);
            AttendanceStatus status = onLeave != null && a.memberId() == onLeave ? AttendanceStatus.LEAVE
                    : a.memberId() == absent ? AttendanceStatus.ABSENT
                    : i % 7 == 3 ? AttendanceStatus.LATE : AttendanceStatus.PRESENT;
            attendance.mark(sessionId, a.memberId(), status);
        }
        attendance.close(sessionId);
    }

    private Long wangId() {
        Object principal = users.loadUserByUsername("wangzh");
        return principal instanceof MingzeUser u ? u.memberId() : null;
    }

    private static LocalDate firstFriday(LocalDate inMonth) {
        return inMonth.withDayOfMonth(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.FRIDAY));
    }
}
