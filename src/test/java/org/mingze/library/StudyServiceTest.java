package org.mingze.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.TestData;
import org.mingze.base.security.Role;
import org.mingze.library.internal.LibraryContent;
import org.mingze.org.internal.Account;
import org.mingze.org.internal.Unit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Study time is measured by the server between heartbeats, capped per material and day, never from a duration the
 * browser sends; and time alone never marks a material studied. Fixture: zhuti/diyi-zeren expects 2 minutes (so at
 * most 180 s a day), heartbeats every 30 s (gaps over 60 s earn nothing).
 */
@MingzeTest
@LibraryTest
class StudyServiceTest {

    private static final String MATERIAL = "zhuti/diyi-zeren";
    private static final String OTHER = "zhidu/sanhui-yike";
    private static final Instant MARCH = Instant.parse("2026-03-10T02:00:00Z");

    @Autowired
    StudyService study;
    @Autowired
    LibraryService library;
    @Autowired
    LibraryContent content;
    @Autowired
    MutableClock clock;
    @Autowired
    TestData data;
    @Autowired
    UserDetailsService users;

    private Unit branch;
    private Account learner;

    @BeforeEach
    void setUp() {
        LibraryFixtures.install(content);
        clock.set(MARCH);
        branch = data.branch();
        learner = data.account(branch, Role.LEARNER);
        Login.as(users, learner.getUsername());
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        Login.out();
    }

    private int beatAfter(int seconds, String material) {
        clock.advance(Duration.ofSeconds(seconds));
        return study.heartbeat(material);
    }

    private long total() {
        return study.myStudy().totalSeconds();
    }

    @Test
    void the_server_credits_the_time_it_measured_between_heartbeats() {
        study.startReading(MATERIAL);
        assertThat(beatAfter(30, MATERIAL)).isEqualTo(30);
        assertThat(beatAfter(29, MATERIAL)).isEqualTo(29);
        assertThat(total()).isEqualTo(59);
    }

    @Test
    void a_heartbeat_without_a_start_or_a_burst_of_heartbeats_earns_nothing() {
        assertThat(study.heartbeat(MATERIAL)).isZero(); // no earlier heartbeat: nothing measured yet
        for (int i = 0; i < 20; i++) {
            assertThat(study.heartbeat(MATERIAL)).isZero(); // no time passed, however often the browser calls
        }
        assertThat(beatAfter(30, MATERIAL)).isEqualTo(30);
        assertThat(total()).isEqualTo(30);
    }

    @Test
    void a_gap_longer_than_two_intervals_earns_nothing_and_counting_resumes_after_it() {
        study.startReading(MATERIAL);
        assertThat(beatAfter(60, MATERIAL)).isEqualTo(60); // two intervals: still counts
        assertThat(beatAfter(61, MATERIAL)).isZero(); // the person was away
        assertThat(beatAfter(30, MATERIAL)).isEqualTo(30);
        assertThat(beatAfter(3600, MATERIAL)).isZero();
        assertThat(total()).isEqualTo(90);
    }

    @Test
    void a_material_earns_at_most_one_and_a_half_times_its_expected_minutes_per_person_and_day() {
        assertThat(StudyService.dailyCapSeconds(2)).isEqualTo(180);
        study.startReading(MATERIAL);
        int credited = 0;
        for (int i = 0; i < 20; i++) {
            credited += beatAfter(30, MATERIAL);
        }
        assertThat(credited).isEqualTo(180);
        assertThat(beatAfter(30, OTHER)).as("another material still counts").isEqualTo(30);

        clock.set(MARCH.plus(Duration.ofDays(1)));
        study.startReading(MATERIAL);
        assertThat(beatAfter(30, MATERIAL)).as("the next day counts again").isEqualTo(30);
        assertThat(study.myStudy().materials()).filteredOn(s -> s.materialId().equals(MATERIAL)).singleElement()
                .satisfies(s -> assertThat(s.seconds()).isEqualTo(210));
    }

    @Test
    void two_open_tabs_do_not_count_twice() {
        study.startReading(MATERIAL);
        study.startReading(OTHER);
        for (int i = 0; i < 4; i++) {
            beatAfter(15, MATERIAL);
            beatAfter(15, OTHER);
        }
        assertThat(total()).isEqualTo(120); // two minutes passed, two minutes credited
    }

    @Test
    void time_alone_never_marks_a_material_studied_but_a_passed_quiz_does() {
        study.startReading(MATERIAL);
        for (int i = 0; i < 10; i++) {
            beatAfter(30, MATERIAL);
        }
        assertThat(card(MATERIAL).studied()).isFalse();
        assertThat(study.myStudy().materials()).singleElement().satisfies(s -> assertThat(s.studiedHow()).isNull());

        long member = learner.getMemberId();
        assertThat(study.markStudied(member, MATERIAL, StudyHow.QUIZ)).isTrue();
        assertThat(study.markStudied(member, MATERIAL, StudyHow.QUIZ)).as("only once").isFalse();
        assertThat(study.markStudied(member, MATERIAL, StudyHow.READ)).isTrue();
        assertThat(card(MATERIAL).studied()).isTrue();
        assertThat(card(OTHER).studied()).isFalse();
        assertThat(study.myStudy().materials()).singleElement().satisfies(s -> {
            assertThat(s.studiedHow()).isEqualTo(StudyHow.QUIZ);
            assertThat(s.studiedAt()).isEqualTo(MARCH.plusSeconds(300));
        });
    }

    private MaterialCard card(String id) {
        return library.materials().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void an_archived_or_unknown_material_earns_nothing() {
        Login.as(users, "admin");
        library.archive(OTHER);
        try {
            Login.as(users, learner.getUsername());
            study.startReading(MATERIAL);
            assertThat(beatAfter(30, OTHER)).isZero();
            assertThat(beatAfter(30, "no/such")).isZero();
        } finally {
            Login.as(users, "admin");
            library.restore(OTHER);
        }
    }

    @Test
    void my_study_totals_time_by_month_and_by_material() {
        study.startReading(MATERIAL);
        beatAfter(30, MATERIAL);
        beatAfter(30, OTHER);
        clock.set(Instant.parse("2026-04-15T02:00:00Z"));
        study.startReading(OTHER);
        beatAfter(45, OTHER);

        StudyOverview mine = study.myStudy();
        assertThat(mine.totalSeconds()).isEqualTo(105);
        assertThat(mine.months()).containsExactly(new StudyOverview.MonthTotal(YearMonth.of(2026, 4), 45),
                new StudyOverview.MonthTotal(YearMonth.of(2026, 3), 60));
        assertThat(mine.materials()).extracting(StudyOverview.MaterialStudy::materialId,
                StudyOverview.MaterialStudy::seconds).containsExactly(
                org.assertj.core.groups.Tuple.tuple(OTHER, 75L), org.assertj.core.groups.Tuple.tuple(MATERIAL, 30L));
        assertThat(mine.materials().get(0).title()).isEqualTo("三会一课制度");
    }

    @Test
    void an_organiser_of_one_branch_cannot_read_another_branchs_study_records() {
        study.startReading(MATERIAL);
        beatAfter(30, MATERIAL);
        long learnerMember = learner.getMemberId();
        Account ownOrganiser = data.account(branch, Role.ORGANIZER);
        Unit otherBranch = data.branch();
        Account otherOrganiser = data.account(otherBranch, Role.ORGANIZER);
        YearMonth march = YearMonth.of(2026, 3);

        Login.as(users, otherOrganiser.getUsername());
        assertThatThrownBy(() -> study.records(branch.getId(), march)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> study.records(data.committee().getId(), march))
                .as("the committee above is not the organiser's either").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> study.memberStudy(learnerMember)).isInstanceOf(AccessDeniedException.class);
        assertThat(study.records(null, march)).extracting(MemberStudyRow::memberId).doesNotContain(learnerMember)
                .contains(otherOrganiser.getMemberId());

        Login.as(users, ownOrganiser.getUsername());
        assertThat(study.records(branch.getId(), march)).filteredOn(r -> r.memberId() == learnerMember)
                .singleElement().satisfies(r -> assertThat(r.seconds()).isEqualTo(30));
        assertThat(study.records(branch.getId(), YearMonth.of(2026, 2))).filteredOn(r -> r.memberId() == learnerMember)
                .singleElement().satisfies(r -> assertThat(r.seconds()).isZero());
        assertThat(study.memberStudy(learnerMember).totalSeconds()).isEqualTo(30);

        for (String who : List.of("admin", "guolx")) { // administrator, auditor
            Login.as(users, who);
            assertThat(study.records(branch.getId(), null)).as(who).extracting(MemberStudyRow::memberId)
                    .contains(learnerMember);
        }
    }

    @Test
    void a_learner_sees_only_their_own_study() {
        Login.as(users, learner.getUsername());
        assertThatThrownBy(() -> study.records(null, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> study.memberStudy(learner.getMemberId())).isInstanceOf(AccessDeniedException.class);
    }
}
