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

/** Practice on the ledger: the practice answers of each month and what the wrong-answer book kept. */
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
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 3, 5), "3月练习", "新增错题 2 道，掌握 0 道"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 4, 8), "4月练习", "新增错题 0 道，掌握 1 道"));
    }

    @Test
    void practice_without_mistakes_is_on_the_ledger_with_its_answers_and_how_many_were_right() {
        Member m = data.member(data.branch());
        List<String> q = jdbc.sql("SELECT id FROM quiz_question ORDER BY id").query(String.class).list();
        String insert = "INSERT INTO quiz_practice_day (member_id, practice_day, answered, correct) VALUES (?, ?, ?, ?)";
        jdbc.sql(insert).params(m.getId(), LocalDate.of(2025, 5, 6), 10, 10).update();
        jdbc.sql(insert).params(m.getId(), LocalDate.of(2025, 5, 20), 10, 7).update();
        jdbc.sql(insert).params(m.getId(), LocalDate.of(2025, 6, 2), 3, 1).update();
        jdbc.sql(insert).params(m.getId(), LocalDate.of(2026, 1, 2), 5, 5).update();
        fx.wrongAnswer(m.getId(), q.get(0), LocalDateTime.of(2025, 6, 2, 9, 0), null);

        List<LedgerEntry> lines = ledger.ledgerEntries(m.getId(), 2025, Locale.SIMPLIFIED_CHINESE);

        assertThat(lines).extracting(LedgerEntry::day, LedgerEntry::title, LedgerEntry::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 5, 20), "5月练习",
                                "练习答题 20 道，答对 17 道（正确率 85%）"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 6, 2), "6月练习",
                                "练习答题 3 道，答对 1 道（正确率 33%）；新增错题 1 道，掌握 0 道"));
        assertThat(ledger.ledgerYears(m.getId())).containsExactlyInAnyOrder(2025, 2026);
    }
}
