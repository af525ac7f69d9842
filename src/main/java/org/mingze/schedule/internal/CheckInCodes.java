package org.mingze.schedule.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Six-digit check-in codes that change every {@link #STEP} (like RFC 6238 one-time passwords, with HMAC-SHA256):
 * the host's screen shows the code of the current step; a member types it (or scans its QR code). A code is accepted
 * for the current step and the one before, so someone who read it just before it changed is not turned away; older
 * codes fail. Each session has its own random secret, so one session's code says nothing about another's.
 */
public final class CheckInCodes {

    public static final Duration STEP = Duration.ofSeconds(30);
    private static final int DIGITS = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] secret;

    public CheckInCodes(byte[] secret) {
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("a check-in secret needs at least 16 bytes");
        }
        this.secret = secret.clone();
    }

    /** A fresh secret for a new session. */
    public static byte[] newSecret() {
        byte[] s = new byte[32];
        RANDOM.nextBytes(s);
        return s;
    }

    /** The code shown at {@code now}. */
    public String codeAt(Instant now) {
        return code(step(now));
    }

    /** How long the code shown at {@code now} stays on the screen. */
    public Duration remaining(Instant now) {
        long stepMs = STEP.toMillis();
        return Duration.ofMillis(stepMs - Math.floorMod(now.toEpochMilli(), stepMs));
    }

    /** Whether {@code typed} is the code of the current or the previous step (spaces ignored). */
    public boolean accepts(String typed, Instant now) {
        if (typed == null) {
            return false;
        }
        String t = typed.replaceAll("[\\s\\u3000]", "");
        if (t.length() != DIGITS || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        long step = step(now);
        // compare both in constant time, whatever matches
        boolean current = MessageDigest.isEqual(t.getBytes(), code(step).getBytes());
        boolean previous = MessageDigest.isEqual(t.getBytes(), code(step - 1).getBytes());
        return current | previous;
    }

    static long step(Instant now) {
        return Math.floorDiv(now.toEpochMilli(), STEP.toMillis());
    }

    String code(long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = h[h.length - 1] & 0x0f;
            int binary = (h[offset] & 0x7f) << 24 | (h[offset + 1] & 0xff) << 16 | (h[offset + 2] & 0xff) << 8
                    | h[offset + 3] & 0xff;
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
