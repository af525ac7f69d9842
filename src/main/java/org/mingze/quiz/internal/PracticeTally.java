package org.mingze.quiz.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.mingze.quiz.Grade;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Practice answers per person and day ({@code quiz_practice_day}): how many were answered and how many of them right,
 * for the ledger (decision 0010, "Practice on the ledger"). Written with the answer's wrong-answer book entry
 * ({@link WrongAnswerBook#recordPractice}) under the person's book lock, so two answers of one person never race for
 * the day's row.
 */
@Component
class PracticeTally {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PracticeTally(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Counts one graded practice answer on today (the bureau's day), in the caller's transaction. */
    void count(long memberId, Grade.Outcome outcome) {
        LocalDate today = LocalDate.now(clock);
        int right = outcome == Grade.Outcome.CORRECT ? 1 : 0;
        int updated = jdbc.update("UPDATE quiz_practice_day SET answered = answered + 1, correct = correct + ?"
                + " WHERE member_id = ? AND practice_day = ?", right, memberId, today);
        if (updated == 0) {
            jdbc.update("INSERT INTO quiz_practice_day (member_id, practice_day, answered, correct) VALUES (?, ?, 1, ?)",
                    memberId, today, right);
        }
    }
}
