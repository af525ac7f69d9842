package org.mingze.duty;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** The demo duty-report session loads through the services, made by zhouxy for 城关 with three reporters. */
@MingzeTest
@TestPropertySource(properties = "mingze.demo.duty=true")
class DutyDemoDataTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestData data;

    @AfterEach
    void out() {
        data.signOut();
    }

    @Test
    void the_demo_has_one_session_of_three_chengguan_leaders_made_by_the_political_department() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM duty_session").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT created_by FROM duty_session").query(String.class).single()).isEqualTo("zhouxy");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM duty_reporter").query(Long.class).single()).isEqualTo(3);
    }
}
