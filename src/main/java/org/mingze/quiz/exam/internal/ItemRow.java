package org.mingze.quiz.exam.internal;

import java.math.BigDecimal;
import java.time.Instant;
import org.mingze.quiz.Grade;
import org.mingze.quiz.Response;

/**
 * One question of an attempt as stored.
 *
 * @param order    shown option i is the bank's option order[i]; empty when the options are not shuffled (or none)
 * @param response choices as indexes into the shown options
 */
public record ItemRow(long attemptId, int position, String questionId, int version, BigDecimal points, int[] order,
                      Response response, Instant savedAt, boolean flagged, Grade.Outcome outcome, BigDecimal earned,
                      String comment) {

    /** The bank's index of a shown option. */
    public int bankIndex(int shown) {
        return order.length == 0 ? shown : (shown >= 0 && shown < order.length ? order[shown] : -1);
    }

    /** The shown index of a bank option. */
    public int shownIndex(int bank) {
        if (order.length == 0) {
            return bank;
        }
        for (int i = 0; i < order.length; i++) {
            if (order[i] == bank) {
                return i;
            }
        }
        return -1;
    }
}
