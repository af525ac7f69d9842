package org.mingze.library.internal;

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
import org.springframework.beans.factory.annotation.Autowired;

/** The library's ledger lines: materials with minutes and how they were studied, study checks, minutes by month. */
@MingzeTest
class StudyLedgerTest {

    @Autowired
    StudyLedger ledger;
    @Autowired
    LedgerFixtures fx;
    @Autowired
    TestData data;

    @Test
    void materials_show_their_minutes_and_how_they_were_studied_and_a_passed_check_is_its_own_line() {
        Member m = data.member(data.branch());
        fx.studyTime(m.getId(), "lt/read", LocalDate.of(2025, 3, 2), 900);
        fx.studyTime(m.getId(), "lt/read", LocalDate.of(2025, 3, 9), 300);
        fx.studyTime(m.getId(), "lt/checked", LocalDate.of(2025, 5, 1), 600);
        fx.studyTime(m.getId(), "lt/old", LocalDate.of(2024, 12, 31), 600);
        fx.completion(m.getId(), "lt/read", "READ", LocalDateTime.of(2025, 3, 9, 10, 0));
        fx.completion(m.getId(), "lt/checked", "QUIZ", LocalDateTime.of(2025, 5, 2, 10, 0));

        List<LedgerEntry> lines = ledger.ledgerEntries(m.getId(), 2025, Locale.SIMPLIFIED_CHINESE);

        assertThat(lines).filteredOn(e -> e.section() == LedgerSection.STUDY)
                .extracting(LedgerEntry::title, LedgerEntry::day, LedgerEntry::detail, LedgerEntry::outcome)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("lt/read", LocalDate.of(2025, 3, 9), "学习 20 分钟",
                                "已学（阅读确认）"),
                        org.assertj.core.groups.Tuple.tuple("lt/checked", LocalDate.of(2025, 5, 2), "学习 10 分钟",
                                "已学（通过学习检测）"));
        assertThat(lines).filteredOn(e -> e.section() == LedgerSection.STUDY_CHECK)
                .extracting(LedgerEntry::title, LedgerEntry::outcome, LedgerEntry::link)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lt/checked", "通过", "library/read/lt/checked"));
        assertThat(ledger.studySecondsByMonth(m.getId(), 2025)).containsEntry(3, 1200L).containsEntry(5, 600L)
                .doesNotContainKey(12);
        assertThat(ledger.ledgerYears(m.getId())).containsExactlyInAnyOrder(2024, 2025);
    }
}
