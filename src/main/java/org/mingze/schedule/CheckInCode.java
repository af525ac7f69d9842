package org.mingze.schedule;

import java.time.LocalDateTime;

/**
 * What the host's screen shows: the current code (null outside the check-in window), how many seconds it still
 * shows, and the window in which codes are accepted. {@code path} is the check-in page a QR code points to.
 */
public record CheckInCode(long sessionId, String code, int secondsLeft, LocalDateTime opensAt, LocalDateTime closesAt,
                          boolean open, String path) {
}
