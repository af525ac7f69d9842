package org.mingze.schedule.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.TestData;
import org.mingze.base.ledger.LedgerEntry;
import org.mingze.base.ledger.LedgerSection;
import org.mingze.ledger.LedgerFixtures;
import org.mingze.org.internal.Member;
import org.mingze.org.internal.Unit;
import org.springframework.beans.factory.annotation.Autowired;

/** Theme-day attendance, leave and make-up study on the ledger (the seam of issue 7), and their reminders. */
@MingzeTest
class ScheduleLedgerTest {

    @Autowired
    ScheduleLedger ledger;
    @Autowired
    LedgerFixtures fx;
    @Autowired
    TestData data;
    @Autowired
    java.time.Clock clock;

    @Test
    void attendance_leave_and_a_completed_make_up_appear_as_such_and_cancelled_sessions_do_not() {
        Unit u = data.branch();
        Member m = data.member(u);
        long present = fx.session(u.getId(), "THEME_DAY", "一月主题党日", LocalDateTime.of(2025, 1, 3, 14, 30), "HELD");
        fx.attendee(present, m.getId(), "PRESENT");
        long absent = fx.session(u.getId(), "THEME_DAY", "二月主题党日", LocalDateTime.of(2025, 2, 7, 14, 30), "HELD");
        fx.attendee(absent, m.getId(), "ABSENT");
        fx.makeup(absent, m.getId(), "ABSENT", LocalDate.of(2025, 2, 21), LocalDateTime.of(2025, 2, 15, 20, 0));
        fx.scheduleReminder(absent, m.getId(), "D1", LocalDateTime.of(2025, 2, 6, 15, 0));
        long leave = fx.session(u.getId(), "PARTY_LECTURE", "专题党课", LocalDateTime.of(2025, 3, 7, 9, 0), "HELD");
        fx.attendee(leave, m.getId(), "LEAVE");
        fx.leave(leave, m.getId(), "外出执行任务", "APPROVED");
        fx.makeup(leave, m.getId(), "LEAVE", LocalDate.of(2025, 3, 21), LocalDateTime.of(2025, 3, 19, 8, 0));
        long cancelled = fx.session(u.getId(), "THEME_DAY", "取消的会", LocalDateTime.of(2025, 4, 4, 9, 0), "CANCELLED");
        fx.attendee(cancelled, m.getId(), "EXPECTED");
        long lastYear = fx.session(u.getId(), "THEME_DAY", "去年的会", LocalDateTime.of(2024, 12, 6, 9, 0), "HELD");
        fx.attendee(lastYear, m.getId(), "PRESENT");

        List<LedgerEntry> lines = ledger.ledgerEntries(m.getId(), 2025, Locale.SIMPLIFIED_CHINESE);

        List<LedgerEntry> sessions = lines.stream().filter(e -> e.section() == LedgerSection.THEME_DAY)
                .sorted(java.util.Comparator.comparing(LedgerEntry::day)).toList();
        assertThat(sessions).extracting(LedgerEntry::title)
                .containsExactly("主题党日：一月主题党日", "主题党日：二月主题党日", "党课：专题党课");
        assertThat(sessions.get(0).outcome()).isEqualTo("出席");
        assertThat(sessions.get(1).outcome()).isEqualTo("缺席 · 已补学（2025年2月15日）");
        assertThat(sessions.get(1).detail()).contains("补学应于 2025年2月21日 前完成");
        assertThat(sessions.get(1).link()).isEqualTo("schedule/session/" + absent);
        assertThat(sessions.get(2).outcome()).isEqualTo("请假 · 已补学（2025年3月19日）");
        assertThat(sessions.get(2).detail()).contains("请假已批准：外出执行任务");
        assertThat(lines).filteredOn(e -> e.section() == LedgerSection.REMINDER)
                .extracting(LedgerEntry::day, LedgerEntry::title, LedgerEntry::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 2, 6), "会议提醒：二月主题党日",
                        "缺席"));
        assertThat(ledger.ledgerYears(m.getId())).containsExactlyInAnyOrder(2024, 2025);
    }

    @Test
    void a_topic_that_already_names_its_type_is_not_prefixed_twice_and_an_unmarked_session_says_whether_it_was_held() {
        Unit u = data.branch();
        Member m = data.member(u);
        LocalDateTime now = LocalDateTime.now(clock).withSecond(0).withNano(0);
        long past = fx.session(u.getId(), "THEME_DAY", "主题党日：压力传导", now.minusMinutes(30), "PLANNED");
        fx.attendee(past, m.getId(), "EXPECTED");
        long coming = fx.session(u.getId(), "PARTY_LECTURE", "专题党课", now.plusMinutes(30), "PLANNED");
        fx.attendee(coming, m.getId(), "EXPECTED");

        List<LedgerEntry> sessions = ledger.ledgerEntries(m.getId(), now.getYear(), Locale.SIMPLIFIED_CHINESE).stream()
                .filter(e -> e.section() == LedgerSection.THEME_DAY)
                .sorted(java.util.Comparator.comparing(LedgerEntry::day)).toList();

        assertThat(sessions).extracting(LedgerEntry::title, LedgerEntry::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("主题党日：压力传导", "未记考勤"),
                org.assertj.core.groups.Tuple.tuple("党课：专题党课", "未开始"));
    }
}
