package org.mingze.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.TestData;
import org.mingze.base.security.Role;
import org.mingze.base.validation.ValidationException;
import org.mingze.library.LibraryFixtures;
import org.mingze.library.LibraryTest;
import org.mingze.library.MutableClock;
import org.mingze.library.internal.LibraryContent;
import org.mingze.org.UnitKind;
import org.mingze.org.internal.Account;
import org.mingze.org.internal.Member;
import org.mingze.org.internal.Unit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Planning sessions: series from a rule, warnings about clashes, the cadence check, and who may do what. Runs in
 * the library tests' context for its movable clock and fixture materials.
 */
@MingzeTest
@LibraryTest
class ScheduleServiceTest {

    static final LocalDateTime NOV_28 = LocalDateTime.of(2026, 11, 28, 9, 0);

    @Autowired
    ScheduleService schedule;
    @Autowired
    TestData data;
    @Autowired
    MutableClock clock;
    @Autowired
    LibraryContent content;

    Unit branch;
    Account secretary;
    Member m1;
    Member m2;

    @BeforeEach
    void setUp() {
        LibraryFixtures.install(content);
        at(NOV_28);
        branch = data.branch();
        secretary = data.account(branch, Role.ORGANIZER);
        m1 = data.member(branch);
        m2 = data.member(data.unit("测试党小组" + TestData.next(), UnitKind.GROUP, branch));
        data.signIn(secretary.getUsername());
    }

    @AfterEach
    void tearDown() {
        data.signOut();
        clock.reset();
    }

    void at(LocalDateTime t) {
        clock.set(t.atZone(clock.getZone()).toInstant());
    }

    SeriesRequest themeDays2027() {
        return new SeriesRequest(branch.getId(), SessionType.THEME_DAY, Recurrence.monthlyNth(1, DayOfWeek.FRIDAY),
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31), LocalTime.of(14, 30), 120, "党员活动室", "支部书记",
                "主题党日", Map.of(1, "学习主体责任", 2, "一岗双责专题"), Map.of(1, List.of("zhuti/diyi-zeren")));
    }

    @Test
    void a_year_of_first_friday_theme_days_is_generated_with_the_plans_topics_and_every_member_expected() {
        List<SavedSession> made = schedule.createSeries(themeDays2027());

        assertThat(made).hasSize(12);
        assertThat(made).extracting(s -> s.session().startsAt()).first()
                .isEqualTo(LocalDateTime.of(2027, 1, 1, 14, 30));
        assertThat(made).extracting(s -> s.session().topic()).startsWith("学习主体责任", "一岗双责专题", "主题党日");
        SessionDetail jan = schedule.detail(made.get(0).session().id());
        assertThat(jan.materialIds()).containsExactly("zhuti/diyi-zeren");
        assertThat(jan.attendees()).extracting(AttendeeRow::memberId)
                .as("the branch's members, its party group's included").contains(m1.getId(), m2.getId())
                .doesNotHaveDuplicates();
        assertThat(jan.attendees()).allMatch(a -> a.status() == AttendanceStatus.EXPECTED);
        assertThat(schedule.calendar(branch.getId(), false, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 31)))
                .hasSize(3);
    }

    @Test
    void the_preview_names_the_months_a_fifth_friday_rule_skips_and_creates_nothing() {
        SeriesRequest fifth = new SeriesRequest(branch.getId(), SessionType.THEME_DAY,
                Recurrence.monthlyNth(5, DayOfWeek.FRIDAY), LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31),
                LocalTime.of(9, 0), 90, null, null, "主题党日", null, null);

        SeriesPreview preview = schedule.previewSeries(fifth);

        assertThat(preview.items()).hasSize(5);
        assertThat(preview.skipped()).hasSize(7);
        assertThat(schedule.calendar(branch.getId(), false, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31)))
                .isEmpty();
    }

    @Test
    void a_series_with_a_bad_material_creates_nothing_at_all() {
        SeriesRequest bad = new SeriesRequest(branch.getId(), SessionType.THEME_DAY,
                Recurrence.monthlyOnDay(15), LocalDate.of(2027, 1, 1), LocalDate.of(2027, 6, 30),
                LocalTime.of(9, 0), 90, null, null, "主题党日", null, Map.of(5, List.of("no/such-material")));

        assertThatThrownBy(() -> schedule.createSeries(bad)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.key()).isEqualTo("schedule.error.material");
                    assertThat(p.row()).as("the fifth session of the series").isEqualTo(5);
                }));
        assertThat(schedule.calendar(branch.getId(), false, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 6, 30)))
                .isEmpty();
    }

    @Test
    void an_overlapping_session_of_the_unit_and_a_host_booked_twice_are_warned_about_but_saved() {
        LocalDateTime t = LocalDateTime.of(2026, 12, 4, 14, 30);
        SavedSession first = schedule.save(SessionDraft.of(branch.getId(), SessionType.THEME_DAY, "十二月主题党日", t)
                .withHost("测试书记", m1.getId()));
        Unit other = data.branch();
        Account otherSecretary = data.account(other, Role.ORGANIZER);

        SavedSession clash = schedule.save(SessionDraft.of(branch.getId(), SessionType.PARTY_LECTURE, "党课",
                t.plusMinutes(60)));
        data.signIn(otherSecretary.getUsername());
        SavedSession hostTwice = schedule.save(SessionDraft.of(other.getId(), SessionType.PARTY_LECTURE, "另一支部党课",
                t.plusMinutes(30)).withHost("测试书记", m1.getId()));

        assertThat(clash.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Conflict.Kind.UNIT_OVERLAP);
            assertThat(c.otherSessionId()).isEqualTo(first.session().id());
        });
        assertThat(hostTwice.conflicts()).extracting(Conflict::kind).containsExactly(Conflict.Kind.HOST_DOUBLE_BOOKED);
    }

    @Test
    void bad_input_is_refused_with_every_problem_named() {
        SessionDraft bad = new SessionDraft(null, branch.getId(), SessionType.THEME_DAY, " ", null, 5, null,
                "javascript:alert(1)", null, null, null, List.of(), null, Set.of(), 30, 14);

        assertThatThrownBy(() -> schedule.save(bad)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.problems()).extracting(p -> p.key()).containsExactlyInAnyOrder(
                        "schedule.error.topic", "schedule.error.time", "schedule.error.duration",
                        "schedule.error.link", "schedule.error.attendees"));
    }

    @Test
    void an_organiser_of_one_branch_can_neither_schedule_change_nor_cancel_for_another() {
        SavedSession mine = schedule.save(SessionDraft.of(branch.getId(), SessionType.THEME_DAY, "主题党日",
                LocalDateTime.of(2026, 12, 4, 14, 30)));
        Unit other = data.branch();
        Account stranger = data.account(other, Role.ORGANIZER);
        data.signIn(stranger.getUsername());

        assertThatThrownBy(() -> schedule.save(SessionDraft.of(branch.getId(), SessionType.THEME_DAY, "冒名安排",
                LocalDateTime.of(2026, 12, 5, 9, 0)))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> schedule.save(SessionDraft.of(branch.getId(), SessionType.THEME_DAY, "改名",
                LocalDateTime.of(2026, 12, 4, 14, 30)).withId(mine.session().id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> schedule.cancel(mine.session().id(), "不想开了"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> schedule.detail(mine.session().id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> schedule.calendar(branch.getId(), true, LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 31))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_member_sees_the_session_with_only_their_own_attendance_and_a_learner_cannot_schedule() {
        Account learner = data.account(branch, Role.LEARNER);
        SavedSession s = schedule.save(SessionDraft.of(branch.getId(), SessionType.THEME_DAY, "主题党日",
                LocalDateTime.of(2026, 12, 4, 14, 30)));
        data.signIn(learner.getUsername());

        SessionDetail seen = schedule.detail(s.session().id());

        assertThat(seen.attendees()).extracting(AttendeeRow::memberId).containsExactly(learner.getMemberId());
        assertThat(seen.canManage()).isFalse();
        assertThat(schedule.mySessions(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31)))
                .extracting(SessionCard::id).containsExactly(s.session().id());
        assertThatThrownBy(() -> schedule.save(SessionDraft.of(branch.getId(), SessionType.THEME_DAY, "x",
                LocalDateTime.of(2026, 12, 5, 9, 0)))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void cancelling_needs_a_reason_and_a_cancelled_session_cannot_be_changed() {
        SavedSession s = schedule.save(SessionDraft.of(branch.getId(), SessionType.THEME_DAY, "主题党日",
                LocalDateTime.of(2026, 12, 4, 14, 30)));

        assertThatThrownBy(() -> schedule.cancel(s.session().id(), " ")).isInstanceOf(ValidationException.class);
        schedule.cancel(s.session().id(), "与全局会议冲突，改期");

        SessionDetail d = schedule.detail(s.session().id());
        assertThat(d.card().status()).isEqualTo(SessionStatus.CANCELLED);
        assertThat(d.cancelReason()).isEqualTo("与全局会议冲突，改期");
        assertThatThrownBy(() -> schedule.save(d.draft().withTopic("改")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.problems().get(0).key()).isEqualTo("schedule.error.not-planned"));
    }

    @Test
    void a_branch_with_no_party_lecture_this_quarter_is_flagged_and_one_planned_clears_it() {
        List<UnitCadence> before = schedule.cadence(branch.getId(), CadenceRule.defaults());

        UnitCadence mine = before.stream().filter(u -> u.unitId() == branch.getId()).findFirst().orElseThrow();
        assertThat(mine.flagged()).extracting(f -> f.rule().type() + " " + f.periodStart())
                .contains("PARTY_LECTURE 2026-10-01");

        schedule.save(SessionDraft.of(branch.getId(), SessionType.PARTY_LECTURE, "党课：一岗双责",
                LocalDateTime.of(2026, 12, 18, 14, 30)));
        UnitCadence after = schedule.cadence(branch.getId(), CadenceRule.defaults()).stream()
                .filter(u -> u.unitId() == branch.getId()).findFirst().orElseThrow();
        assertThat(after.flagged()).extracting(f -> f.rule().type() + " " + f.periodStart())
                .doesNotContain("PARTY_LECTURE 2026-10-01");
        assertThat(after.findings()).filteredOn(f -> f.rule().type() == SessionType.PARTY_LECTURE)
                .extracting(CadenceFinding::status).last().isEqualTo(CadenceFinding.Status.ON_TRACK);
    }
}
