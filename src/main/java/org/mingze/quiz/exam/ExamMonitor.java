package org.mingze.quiz.exam;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The live monitor of a test: one row per member of the audience (and anyone else who has an attempt), their latest
 * attempt. Refresh by calling {@link ExamService#monitor} again.
 *
 * @param serverTime the server's clock when this was made
 */
public record ExamMonitor(long examId, String title, ExamStatus status, Instant serverTime, int audience,
                          int notStarted, int inProgress, int finished, List<Row> rows) {

    public ExamMonitor {
        rows = List.copyOf(rows);
    }

    public enum State {
        NOT_STARTED, IN_PROGRESS, AWAITING_MANUAL, GRADED;

        public String labelKey() {
            return "exam.monitor." + name();
        }
    }

    /**
     * @param attemptId   the latest attempt, or null when not started
     * @param secondsLeft for an attempt in progress, else 0
     * @param score       of the latest closed attempt (organisers see it), or null
     */
    public record Row(long memberId, String memberName, String employeeNo, String unitName, State state,
                      Long attemptId, int attemptsUsed, ClosedBy closedBy, Instant startedAt, Instant deadline,
                      long secondsLeft, int answered, int questions, int tabLeaves, Instant lastSavedAt,
                      BigDecimal score) {
    }
}
