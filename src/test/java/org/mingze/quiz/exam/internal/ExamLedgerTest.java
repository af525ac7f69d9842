package org.mingze.quiz.exam.internal;

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

/** Every attempt is on the ledger with the test's purpose, the score out of the maximum and the outcome. */
@MingzeTest
class ExamLedgerTest {

    @Autowired
    ExamLedger ledger;
    @Autowired
    LedgerFixtures fx;
    @Autowired
    TestData data;

    @Test
    void a_graded_attempt_shows_purpose_score_pass_mark_and_outcome_and_links_to_its_result() {
        Unit u = data.branch();
        Member m = data.member(u);
        long exam = fx.exam(u.getId(), "主体责任知识测试（台帐）", "APPOINTMENT_REVIEW", 80, 2025);
        long first = fx.attempt(exam, m.getId(), 1, LocalDateTime.of(2025, 4, 1, 10, 0), BigDecimal.valueOf(72), false);
        long second = fx.attempt(exam, m.getId(), 2, LocalDateTime.of(2025, 4, 20, 10, 0), new BigDecimal("88.50"), true);
        long essay = fx.exam(u.getId(), "述责述廉测试（台帐）", "DUTY_REPORT", 60, 2025);
        fx.attempt(essay, m.getId(), 1, LocalDateTime.of(2025, 6, 1, 9, 0), null, null);

        List<LedgerEntry> lines = ledger.ledgerEntries(m.getId(), 2025, Locale.SIMPLIFIED_CHINESE);

        assertThat(lines).allMatch(e -> e.section() == LedgerSection.TEST).hasSize(3);
        LedgerEntry failed = lines.stream().filter(e -> e.link().equals("exams/result/" + first)).findFirst()
                .orElseThrow();
        assertThat(failed.title()).isEqualTo("主体责任知识测试（台帐）");
        assertThat(failed.day()).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(failed.detail()).isEqualTo("任前考察；第1次；得分 72/100（及格线 80%）");
        assertThat(failed.outcome()).isEqualTo("不合格");
        LedgerEntry passed = lines.stream().filter(e -> e.link().equals("exams/result/" + second)).findFirst()
                .orElseThrow();
        assertThat(passed.detail()).contains("第2次", "88.5/100");
        assertThat(passed.outcome()).isEqualTo("合格");
        assertThat(lines).filteredOn(e -> e.title().startsWith("述责述廉")).extracting(LedgerEntry::outcome)
                .containsExactly("待阅卷");
        assertThat(ledger.ledgerEntries(m.getId(), 2024, Locale.SIMPLIFIED_CHINESE)).isEmpty();
        assertThat(ledger.ledgerYears(m.getId())).containsExactly(2025);
    }
}
