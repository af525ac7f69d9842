package org.mingze.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mingze.base.validation.ValidationException;
import org.mingze.review.internal.OutcomeRules;

/**
 * The outcome rules as a table: each row is a story of steps on days after the batch opened (deadline on day 10,
 * re-sit 7 days after a fail within 30), and the state it must end in.
 */
class ReviewOutcomeRulesTest {

    private static final LocalDate D0 = LocalDate.of(2026, 12, 1);
    private static final LocalDate DEADLINE = D0.plusDays(10);

    /** One step on a given day. */
    record Step(String what, int day, BiFunction<Standing, LocalDate, Standing> apply) {
        @Override
        public String toString() {
            return what + "@" + day;
        }
    }

    static Step pass(int day) {
        return new Step("pass", day, (s, d) -> OutcomeRules.graded(s, true, d, 7, 30));
    }

    static Step fail(int day) {
        return new Step("fail", day, (s, d) -> OutcomeRules.graded(s, false, d, 7, 30));
    }

    static Step time(int day) {
        return new Step("time", day, (s, d) -> OutcomeRules.day(s, d));
    }

    static Step makeup(int day) {
        return new Step("makeup", day, (s, d) -> s.withMakeupDone(true));
    }

    static Step resit(int day) {
        return new Step("resit", day, (s, d) -> OutcomeRules.openResit(s, d));
    }

    static Step exempt(int day) {
        return new Step("exempt", day, (s, d) -> OutcomeRules.exempt(s, "因公出国，经党委研究免于测试"));
    }

    static Step extend(int day, int to) {
        return new Step("extend", day, (s, d) -> OutcomeRules.extend(s, D0.plusDays(to), "执行紧急任务", d));
    }

    static Stream<Arguments> stories() {
        return Stream.of(
                Arguments.of("pass", List.of(pass(2), time(11), time(60)), CandidateState.PASSED),
                Arguments.of("fail then re-sit pass", List.of(fail(2), time(5), makeup(6), resit(9), time(12),
                        pass(10), time(40)), CandidateState.PASSED),
                Arguments.of("fail twice", List.of(fail(2), makeup(3), resit(9), fail(9)), CandidateState.FAILED),
                Arguments.of("fail, re-sit never taken", List.of(fail(2), makeup(3), time(32), time(33)),
                        CandidateState.FAILED),
                Arguments.of("fail, re-sit window still open", List.of(fail(2), time(32)), CandidateState.DEFERRED),
                Arguments.of("no-show", List.of(time(10), time(11)), CandidateState.ABSENT),
                Arguments.of("exemption", List.of(time(3), exempt(4), time(11)), CandidateState.EXEMPTED),
                Arguments.of("exemption after a no-show", List.of(time(11), exempt(12)), CandidateState.EXEMPTED),
                Arguments.of("extension then pass", List.of(extend(8, 20), time(11), time(15), pass(18), time(21)),
                        CandidateState.PASSED),
                Arguments.of("extension after a no-show, still nothing", List.of(time(11), extend(12, 20),
                        time(20), time(21)), CandidateState.ABSENT),
                Arguments.of("a fail after passing changes nothing", List.of(pass(2), fail(3)), CandidateState.PASSED),
                Arguments.of("a second attempt before the re-sit is opened changes nothing",
                        List.of(fail(2), fail(3)), CandidateState.DEFERRED));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("stories")
    void each_story_ends_in_its_outcome(String name, List<Step> steps, CandidateState expected) {
        Standing s = Standing.pending(DEADLINE);
        for (Step step : steps) {
            s = step.apply().apply(s, D0.plusDays(step.day()));
        }
        assertThat(s.state()).as(name).isEqualTo(expected);
    }

    @Test
    void a_fail_opens_the_resit_delay_days_later_and_closes_it_window_days_after_the_fail() {
        Standing s = OutcomeRules.graded(Standing.pending(DEADLINE), false, D0.plusDays(2), 7, 30);
        assertThat(s.resitOpens()).isEqualTo(D0.plusDays(9));
        assertThat(s.resitCloses()).isEqualTo(D0.plusDays(32));
        assertThat(s.makeupDone()).isFalse();
    }

    @Test
    void the_resit_cannot_open_early_late_or_before_the_makeup_study() {
        Standing failed = OutcomeRules.graded(Standing.pending(DEADLINE), false, D0, 7, 30);
        assertThat(OutcomeRules.resitRefusal(failed.withMakeupDone(true), D0.plusDays(6)))
                .isEqualTo("review.error.resit-early");
        assertThat(OutcomeRules.resitRefusal(failed, D0.plusDays(7))).isEqualTo("review.error.resit-makeup");
        assertThat(OutcomeRules.resitRefusal(failed.withMakeupDone(true), D0.plusDays(31)))
                .isEqualTo("review.error.resit-late");
        assertThat(OutcomeRules.resitRefusal(failed.withMakeupDone(true), D0.plusDays(7))).isNull();
        assertThat(OutcomeRules.resitRefusal(Standing.pending(DEADLINE), D0)).isEqualTo("review.error.resit-state");
        assertThatThrownBy(() -> OutcomeRules.openResit(failed, D0.plusDays(8)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void exemption_and_extension_need_a_reason_and_a_state_that_allows_them() {
        Standing pending = Standing.pending(DEADLINE);
        assertThatThrownBy(() -> OutcomeRules.exempt(pending, "  ")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> OutcomeRules.extend(pending, D0.plusDays(20), null, D0))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> OutcomeRules.exempt(pending.withState(CandidateState.PASSED), "理由"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> OutcomeRules.extend(pending, DEADLINE, "理由", D0))
                .as("an extension must move the deadline later").isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> OutcomeRules.extend(pending.withState(CandidateState.DEFERRED), D0.plusDays(20),
                "理由", D0)).isInstanceOf(ValidationException.class);
    }
}
