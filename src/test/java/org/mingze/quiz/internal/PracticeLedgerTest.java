package org.mingze.quiz.internal;

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
import org.springframework.jdbc.core.simple.JdbcClient;

/** Practice on the ledger: what the wrong-answer book kept, month by month. */
@MingzeTest
class PracticeLedgerTest {

    @Autowired
    PracticeLedger ledger;
    @Autowired
    LedgerFixtures fx;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    @Test
    void questions_answered_wrong_and_mastered_are_counted_per_month() {
        Member m = data.member(data.branch());
        List<String> q = jdbc.sql("SELECT id FROM quiz_question ORDER BY id").query(String.class).list();
        fx.wrongAnswer(m.getId(), q.get(0), LocalDateTime.of(2025, 3, 3, 9, 0), LocalDateTime.of(2025, 4, 8, 9, 0));
        fx.wrongAnswer(m.getId(), q.get(1), LocalDateTime.of(2025, 3, 5, 9, 0), null);
        fx.wrongAnswer(m.getId(), q.get(2), LocalDateTime.of(2024, 11, 5, 9, 0), null);

        List<LedgerEntry> lines = ledger.ledgerEntries(m.getId(), 2025, Locale.SIMPLIFIED_CHINESE);

        assertThat(lines).allMatch(e -> e.section() == LedgerSection.PRACTICE)
                .extracting(LedgerEntry::day, LedgerEntry::title, LedgerEntry::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 3, 5), "3月错题练习", "新增错题 2 道，掌握 0 道"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 4, 8), "4月错题练习", "新增错题 0 道，掌握 1 道"));
    }
}
