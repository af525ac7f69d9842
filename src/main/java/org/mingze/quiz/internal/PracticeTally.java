package org.mingze.quiz.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.mingze.quiz.Grade;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Practice answers per person and day ({@code quiz_practice_day}): how many were answered and how many of them right,
 * for the ledger (decision 0010, "Practice on the ledger"). Written with the answer's wrong-answer book entry
 * ({@link WrongAnswerBook#recordPractice}) under the person's book lock, so two answers of one person never race for
 * the day's row.
 */
@Component
class PracticeTally {

    private final JdbcClient jdbc;
    private final Clock clock;

    PracticeTally(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Counts one graded practice answer on today (the bureau's day); a correct one also as right. */
    @Transactional
    void count(long memberId, Grade.Outcome outcome) {
        LocalDate today = LocalDate.now(clock);
        int right = outcome == Grade.Outcome.CORRECT ? 1 : 0;
        int updated = jdbc.sql("UPDATE quiz_practice_day SET answered = answered + 1, correct = correct + ?"
                + " WHERE member_id = ? AND practice_day = ?").params(right, memberId, today).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO quiz_practice_day (member_id, practice_day, answered, correct) VALUES (?, ?, 1, ?)")
                    .params(memberId, today, right).update();
        }
    }
}
