package org.mingze.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** The demo review batch loads through the services: three 城关 candidates, 王振华 first, all to take the test. */
@MingzeTest
@TestPropertySource(properties = "mingze.demo.reviews=true")
class ReviewDemoDataTest {

    @Autowired
    ReviewService reviews;
    @Autowired
    TestData data;

    @AfterEach
    void out() {
        data.signOut();
    }

    @Test
    void the_demo_has_a_pre_appointment_batch_of_three_chengguan_candidates() {
        data.signIn("lihm");
        List<BatchRow> batches = reviews.batches();
        assertThat(batches).hasSize(1);
        BatchRow b = batches.get(0);
        assertThat(b.type()).isEqualTo(ReviewType.PRE_APPOINTMENT);
        assertThat(b.unitName()).isEqualTo("城关派出所党支部");
        assertThat(b.createdBy()).isEqualTo("zhouxy");
        List<CandidateRow> cs = reviews.candidates(b.id());
        assertThat(cs).hasSize(3).extracting(CandidateRow::state).containsOnly(CandidateState.PENDING);
        assertThat(cs.get(0).name()).isEqualTo("王振华");
        data.signIn("wangzh");
        assertThat(reviews.mine()).hasSize(1);
    }
}
