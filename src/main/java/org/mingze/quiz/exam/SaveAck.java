package org.mingze.quiz.exam;

import java.time.Instant;

/**
 * The server's word that an answer is stored durably (committed): show 已保存 only on receiving it.
 */
public record SaveAck(long attemptId, int position, Instant savedAt, Instant deadline,
                      Instant serverTime) {
}
