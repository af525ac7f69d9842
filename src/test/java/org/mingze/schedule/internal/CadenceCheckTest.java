package org.mingze.schedule.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mingze.schedule.CadenceFinding;
import org.mingze.schedule.CadenceFinding.Status;
import org.mingze.schedule.CadenceRule;
import org.mingze.schedule.SessionType;
import org.mingze.schedule.internal.CadenceCheck.Occurrence;

class CadenceCheckTest {

    static final CadenceRule LECTURE_QUARTERLY = new CadenceRule(SessionType.PARTY_LECTURE, CadenceRule.Period.QUARTER, 1);
    static final CadenceRule THEME_MONTHLY = new CadenceRule(SessionType.THEME_DAY, CadenceRule.Period.MONTH, 1);

    static Occurrence held(SessionType t, String date) {
        return new Occurrence(t, LocalDate.parse(date), true, false);
    }

    static Occurrence planned(SessionType t, String date) {
        return new Occurrence(t, LocalDate.parse(date), false, false);
    }

    @Test
    void a_branch_without_a_party_lecture_this_quarter_is_flagged_behind() {
        var findings = CadenceCheck.check(List.of(LECTURE_QUARTERLY),
                List.of(held(SessionType.PARTY_LECTURE, "2027-02-10"), held(SessionType.THEME_DAY, "2027-05-07")),
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 5, 20));

        assertThat(findings).extracting(CadenceFinding::status).containsExactly(Status.MET, Status.BEHIND);
        assertThat(findings.get(1).periodStart()).isEqualTo(LocalDate.of(2027, 4, 1));
        assertThat(findings.get(1).periodEnd()).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(findings.get(1).flagged()).isTrue();
    }

    @Test
    void a_lecture_planned_later_in_the_quarter_keeps_it_on_track() {
        var findings = CadenceCheck.check(List.of(LECTURE_QUARTERLY),
                List.of(planned(SessionType.PARTY_LECTURE, "2027-06-18")), LocalDate.of(2027, 4, 1),
                LocalDate.of(2027, 5, 20));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.ON_TRACK);
            assertThat(f.planned()).isEqualTo(1);
            assertThat(f.flagged()).isFalse();
        });
    }

    @Test
    void a_past_month_whose_theme_day_was_cancelled_or_never_recorded_is_missed() {
        var findings = CadenceCheck.check(List.of(THEME_MONTHLY), List.of(
                        new Occurrence(SessionType.THEME_DAY, LocalDate.of(2027, 1, 8), false, true),
                        planned(SessionType.THEME_DAY, "2027-02-05"),
                        held(SessionType.THEME_DAY, "2027-03-05")),
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 10));

        assertThat(findings).extracting(CadenceFinding::status).containsExactly(Status.MISSED, Status.MISSED, Status.MET);
        assertThat(findings.get(1).unrecorded()).isEqualTo(1);
    }

    @Test
    void a_session_earlier_this_month_without_its_record_yet_does_not_flag_the_running_month() {
        var findings = CadenceCheck.check(List.of(THEME_MONTHLY), List.of(planned(SessionType.THEME_DAY, "2027-03-05")),
                LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 10));

        assertThat(findings).singleElement().extracting(CadenceFinding::status).isEqualTo(Status.ON_TRACK);
    }

    @Test
    void sessions_of_other_types_or_outside_the_period_do_not_count() {
        var findings = CadenceCheck.check(List.of(THEME_MONTHLY), List.of(
                        held(SessionType.PARTY_LECTURE, "2027-03-05"), held(SessionType.THEME_DAY, "2027-02-28"),
                        held(SessionType.THEME_DAY, "2027-04-01")),
                LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.held()).isZero();
            assertThat(f.status()).isEqualTo(Status.BEHIND);
        });
    }

    @Test
    void the_default_rules_are_the_usual_cadence_of_three_meetings_and_one_lecture() {
        assertThat(CadenceRule.defaults()).extracting(r -> r.type() + "/" + r.period()).containsExactlyInAnyOrder(
                "GENERAL_MEETING/QUARTER", "COMMITTEE_MEETING/MONTH", "GROUP_MEETING/MONTH", "PARTY_LECTURE/QUARTER",
                "THEME_DAY/MONTH");
    }
}
