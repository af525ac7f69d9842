package org.mingze.review.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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

/** Appointment reviews on the ledger: type, posts, scores, outcome, exceptions with their reasons, reminders. */
@MingzeTest
class ReviewLedgerTest {

    @Autowired
    ReviewLedger ledger;
    @Autowired
    LedgerFixtures fx;
    @Autowired
    TestData data;

    @Test
    void a_passed_review_and_an_exemption_show_posts_scores_reason_and_outcome() {
        Unit u = data.branch();
        Member m = data.member(u);
        long b1 = fx.batch(u.getId(), "二〇二五年任前考察", "PRE_APPOINTMENT", LocalDate.of(2025, 3, 31));
        long c1 = fx.candidate(b1, m.getId(), "所长", "PASSED", LocalDate.of(2025, 3, 31), BigDecimal.valueOf(92),
                LocalDate.of(2025, 3, 28), null, LocalDateTime.of(2025, 3, 28, 11, 0));
        long b2 = fx.batch(u.getId(), "警衔晋升考核", "RANK", LocalDate.of(2025, 10, 31));
        fx.candidate(b2, m.getId(), "一级警长", "EXEMPTED", LocalDate.of(2025, 10, 31), null, null,
                "近三个月内已通过同一测试", LocalDateTime.of(2025, 10, 2, 9, 0));
        long b3 = fx.batch(u.getId(), "去年的考核", "PROMOTION", LocalDate.of(2024, 6, 30));
        fx.candidate(b3, m.getId(), "教导员", "PASSED", LocalDate.of(2024, 6, 30), BigDecimal.valueOf(80),
                LocalDate.of(2024, 6, 1), null, LocalDateTime.of(2024, 6, 1, 9, 0));
        fx.reviewReminder(c1, "D1", LocalDateTime.of(2025, 3, 27, 8, 0));

        List<LedgerEntry> lines = ledger.ledgerEntries(m.getId(), 2025, Locale.SIMPLIFIED_CHINESE);

        List<LedgerEntry> reviews = lines.stream().filter(e -> e.section() == LedgerSection.REVIEW).toList();
        assertThat(reviews).extracting(LedgerEntry::title)
                .containsExactlyInAnyOrder("二〇二五年任前考察（任前考察）", "警衔晋升考核（警衔晋升）");
        LedgerEntry passed = reviews.stream().filter(e -> e.title().startsWith("二〇二五")).findFirst().orElseThrow();
        assertThat(passed.day()).isEqualTo(LocalDate.of(2025, 3, 28));
        assertThat(passed.detail()).contains("现任：副所长；拟任：所长", "首次测试 92/100");
        assertThat(passed.outcome()).isEqualTo("测试合格");
        assertThat(passed.link()).isEqualTo("review/sheet/" + c1);
        LedgerEntry exempt = reviews.stream().filter(e -> e.title().startsWith("警衔")).findFirst().orElseThrow();
        assertThat(exempt.detail()).contains("免测理由：近三个月内已通过同一测试");
        assertThat(exempt.outcome()).isEqualTo("免测");
        assertThat(lines).filteredOn(e -> e.section() == LedgerSection.REMINDER)
                .extracting(LedgerEntry::day, LedgerEntry::title, LedgerEntry::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 3, 27),
                        "考核提醒：二〇二五年任前考察", "已参加测试（2025年3月28日）"));
    }
}
