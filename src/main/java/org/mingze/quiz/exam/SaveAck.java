package org.mingze.quiz.exam;

import java.time.Instant;

/**
 * The server's word that an answer is stored durably (committed): show 已保存 only on receiving it.
 *
 * @param saveSeq how many times this position has been saved in this attempt
 */
public record SaveAck(long attemptId, int position, long saveSeq, Instant savedAt, Instant deadline,
                      Instant serverTime) {
}
