package org.mingze.quiz.exam.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Moodle's facility index, discrimination index and discriminative efficiency on small data sets worked by hand. */
class StatisticsTest {

    @Test
    void a_question_the_strong_get_right_and_the_weak_wrong_discriminates_perfectly() {
        // four people; the question is worth 1; the rest of the test 1, 2, 3, 4
        double[] x = {0, 0, 1, 1};
        double[] total = {1, 2, 4, 5};
        Statistics.Item s = Statistics.of(x, total, 1);
        assertThat(s.facility()).isEqualTo(50.0);
        // rest = 1, 2, 3, 4; r(x, rest) = cov / sqrt(vx * vrest) = (2/3) / sqrt((1/3) * (5/3)) = 0.894427...
        assertThat(s.discrimination()).isCloseTo(89.4427, within(0.001));
        // x and rest are already in the same order: the covariance is as large as it can be
        assertThat(s.efficiency()).isCloseTo(100.0, within(1e-9));
    }

    @Test
    void a_question_the_weak_get_right_discriminates_negatively_and_partial_credit_counts_in_the_facility() {
        double[] x = {2, 1, 0, 0};          // of 2 points
        double[] total = {3, 3, 6, 8};      // rest: 1, 2, 6, 8
        Statistics.Item s = Statistics.of(x, total, 2);
        assertThat(s.facility()).isEqualTo(37.5); // mean 0.75 of 2
        // mean x 0.75, mean rest 4.25; cov = sum((x-0.75)(r-4.25))/3 = (1.25*-3.25 + 0.25*-2.25 + -0.75*1.75
        // + -0.75*3.75)/3 = (-4.0625 - 0.5625 - 1.3125 - 2.8125)/3 = -2.916667
        // vx = (1.5625 + 0.0625 + 0.5625 + 0.5625)/3 = 0.916667; vr = (10.5625 + 5.0625 + 3.0625 + 14.0625)/3 = 10.916667
        double expected = 100 * -2.916667 / Math.sqrt(0.916667 * 10.916667);
        assertThat(s.discrimination()).isCloseTo(expected, within(0.01));
        assertThat(s.discrimination()).isNegative();
        // Cmax pairs sorted x (0,0,1,2) with sorted rest (1,2,6,8): cov = (-0.75*-3.25 + -0.75*-2.25 + 0.25*1.75
        // + 1.25*3.75)/3 = (2.4375 + 1.6875 + 0.4375 + 4.6875)/3 = 3.083333
        assertThat(s.efficiency()).isCloseTo(100 * -2.916667 / 3.083333, within(0.01));
    }

    @Test
    void without_variance_or_with_one_person_there_is_no_discrimination() {
        assertThat(Statistics.of(new double[]{1, 1, 1}, new double[]{3, 4, 5}, 1).discrimination()).isNull();
        assertThat(Statistics.of(new double[]{1}, new double[]{3}, 1).discrimination()).isNull();
        assertThat(Statistics.of(new double[]{1}, new double[]{3}, 1).facility()).isEqualTo(100.0);
    }
}
