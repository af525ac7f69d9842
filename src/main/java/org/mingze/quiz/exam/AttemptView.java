package org.mingze.quiz.exam;

import java.time.Instant;
import java.util.List;
import org.mingze.quiz.Response;
import org.mingze.quiz.ShownQuestion;

/**
 * An attempt in progress as the learner's page gets it: questions in the attempt's order with options in the shown
 * order, the person's own saved answers (choices as indexes into the shown options), and nothing else: no key, no
 * explanation, no score.
 *
 * @param deadline    when the attempt ends (the server enforces it)
 * @param serverTime  the server's clock when this was made: count down by {@code deadline - serverTime}, not by the
 *                    browser's clock
 * @param holderToken pass it to every save/flag/tabLeft/submit; a newer start-or-resume (another tab or device)
 *                    makes it stale
 * @param tabLeaves   leaves counted so far
 */
public record AttemptView(long attemptId, long examId, String title, int number, Navigation navigation,
                          TabLeavePolicy tabLeave, Instant startedAt, Instant deadline, Instant serverTime,
                          String holderToken, int tabLeaves, List<Item> items) {

    public AttemptView {
        items = List.copyOf(items);
    }

    /**
     * One question of the attempt.
     *
     * @param position 0-based position in this attempt
     * @param question the question as shown; {@code points} are its points in this paper
     * @param response the saved answer, {@link Response#EMPTY} when none
     * @param savedAt  when the answer was stored, or null
     */
    public record Item(int position, ShownQuestion question, Response response, boolean flagged, Instant savedAt) {

        public boolean answered() {
            return response != null && !response.isEmpty();
        }
    }
}
