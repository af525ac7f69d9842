package org.mingze.schedule.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.notify.NotificationService;
import org.mingze.org.MemberService;
import org.mingze.org.OrgService;
import org.mingze.org.UnitKind;
import org.mingze.org.UnitNode;
import org.mingze.schedule.AttendanceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The schedule's reminders, every ten minutes: each expected attendee gets a notice 3 days and 1 day before a
 * session; an overdue make-up (补学) reminds the person the day after it was due, then tells the branch secretary
 * ({@value #TO_SECRETARY} days overdue), then the party committee's organiser ({@value #TO_COMMITTEE} days overdue).
 * Each notice goes out once; nothing more is sent once the make-up is done. Notices are in Chinese, the bureau's
 * language.
 */
@Component
public class ScheduleReminders {

    public static final int TO_PERSON = 1;
    public static final int TO_SECRETARY = 4;
    public static final int TO_COMMITTEE = 8;

    private static final Logger log = LoggerFactory.getLogger(ScheduleReminders.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日（EEEE）HH:mm", Locale.CHINESE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINESE);

    private final SessionStore store;
    private final MakeupProgress progress;
    private final NotificationService notices;
    private final MemberService members;
    private final OrgService org;
    private final AuditLog audit;
    private final Clock clock;

    ScheduleReminders(SessionStore store, MakeupProgress progress, NotificationService notices, MemberService members,
                      OrgService org, AuditLog audit, Clock clock) {
        this.store = store;
        this.progress = progress;
        this.notices = notices;
        this.members = members;
        this.org = org;
        this.audit = audit;
        this.clock = clock;
    }

    /** What one sweep sent. */
    public record Sent(int sessionReminders, int makeupNudges) {
    }

    @Scheduled(initialDelayString = "${mingze.schedule.reminders-delay:PT1M}",
            fixedDelayString = "${mingze.schedule.reminders-every:PT10M}")
    void scheduled() {
        try {
            Sent s = sweep();
            if (s.sessionReminders() + s.makeupNudges() > 0) {
                log.info("schedule reminders: {} before sessions, {} about make-ups", s.sessionReminders(),
                        s.makeupNudges());
            }
        } catch (RuntimeException e) {
            log.error("schedule reminders failed", e);
        }
    }

    @Transactional
    public Sent sweep() {
        Instant now = clock.instant();
        LocalDateTime local = LocalDateTime.ofInstant(now, clock.getZone());
        return new Sent(beforeSessions(now, local), overdueMakeups(now, local.toLocalDate()));
    }

    private int beforeSessions(Instant now, LocalDateTime local) {
        int sent = 0;
        for (SessionStore.Session s : store.plannedStarting(local, local.plusDays(3))) {
            String kind = s.startsAt().isAfter(local.plusDays(1)) ? "D3" : "D1";
            List<Long> expected = store.attendees(s.id()).stream()
                    .filter(a -> a.status() == AttendanceStatus.EXPECTED).map(SessionStore.Attendee::memberId).toList();
            Map<Long, String> usernames = members.usernames(expected);
            for (long m : expected) {
                String user = usernames.get(m);
                if (user == null || kind.equals("D3") && store.reminded(s.id(), m, "D1")) {
                    continue;
                }
                if (store.remember(s.id(), m, kind, now)) {
                    notices.post(user, "会议提醒：" + s.topic(), WHEN.format(s.startsAt())
                                    + (s.place() == null ? "" : "在" + s.place()) + "召开，请准时参加；"
                                    + "如不能参加，请提前在会议页面请假。", "schedule/session/" + s.id());
                    sent++;
                }
            }
        }
        return sent;
    }

    private int overdueMakeups(Instant now, LocalDate today) {
        int sent = 0;
        for (SessionStore.Makeup open : store.openMakeups()) {
            SessionStore.Makeup m = progress.refresh(open);
            if (m.doneAt() != null || !m.dueOn().isBefore(today)) {
                continue;
            }
            long overdue = ChronoUnit.DAYS.between(m.dueOn(), today);
            int level = overdue >= TO_COMMITTEE ? 3 : overdue >= TO_SECRETARY ? 2 : overdue >= TO_PERSON ? 1 : 0;
            SessionStore.Session s = store.session(m.sessionId()).orElseThrow();
            for (int l = m.escalation() + 1; l <= level; l++) {
                if (nudge(m, s, l, overdue, now)) {
                    sent++;
                }
                store.makeupNudged(m.id(), l, now);
            }
        }
        return sent;
    }

    private boolean nudge(SessionStore.Makeup m, SessionStore.Session s, int level, long overdue, Instant now) {
        if (!store.remember(s.id(), m.memberId(), "M" + level, now)) {
            return false;
        }
        String due = DAY.format(m.dueOn());
        if (level == 1) {
            String user = members.usernames(List.of(m.memberId())).get(m.memberId());
            if (user == null) {
                return false;
            }
            notices.post(user, "补学已逾期：" + s.topic(), "请尽快学习本次会议的资料并通过学习检测（应于" + due
                    + "前完成）。", "schedule/mine");
        } else {
            Optional<UnitNode> branch = branchOf(s.unitId());
            Optional<UnitNode> target = level == 2 ? branch
                    : branch.flatMap(b -> b.parentId() == null ? Optional.empty() : org.unitForSystem(b.parentId()));
            List<String> to = target.map(u -> members.organisersOf(u.id())).orElse(List.of());
            if (to.isEmpty()) {
                log.warn("make-up {} overdue: nobody to tell at level {}", m.id(), level);
                return false;
            }
            String name = memberName(m.memberId());
            for (String user : to) {
                notices.post(user, "补学逾期督办：" + name, name + "的补学任务（" + s.topic() + "）已逾期" + overdue
                        + "天（应于" + due + "前完成），请督促完成。", "schedule/session/" + s.id());
            }
        }
        audit.record("SCHEDULE_MAKEUP_ESCALATE", "session", s.id(), "member " + m.memberId() + " level " + level);
        return true;
    }

    /** The branch of a unit: itself, or the branch above a party group. */
    private Optional<UnitNode> branchOf(long unitId) {
        Optional<UnitNode> u = org.unitForSystem(unitId);
        if (u.isPresent() && u.get().kind() == UnitKind.GROUP && u.get().parentId() != null) {
            return org.unitForSystem(u.get().parentId());
        }
        return u;
    }

    private String memberName(long memberId) {
        return members.namesForSystem(List.of(memberId)).getOrDefault(memberId, "#" + memberId);
    }
}
