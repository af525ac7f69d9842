package org.mingze.review.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Verification codes and content hashes of result sheets: 10 random bytes from {@link SecureRandom} (80 bits) as 16
 * characters of RFC 4648 base32 (A-Z, 2-7); SHA-256 over the sheet's canonical text.
 */
public final class SheetCodes {

    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SheetCodes() {
    }

    public static String newCode() {
        byte[] b = new byte[10];
        RANDOM.nextBytes(b);
        StringBuilder s = new StringBuilder(16);
        int buffer = 0;
        int bits = 0;
        for (byte x : b) {
            buffer = buffer << 8 | x & 0xff;
            bits += 8;
            while (bits >= 5) {
                s.append(ALPHABET.charAt(buffer >> bits - 5 & 31));
                bits -= 5;
            }
        }
        return s.toString();
    }

    /** The code as typed or scanned (any case, with dashes or spaces), or empty when it cannot be one. */
    public static Optional<String> normalise(String input) {
        if (input == null || input.length() > 40) {
            return Optional.empty();
        }
        String c = input.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (c.length() != 16 || !c.chars().allMatch(ch -> ALPHABET.indexOf(ch) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(c);
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 王振华 -> 王*华, 王华 -> 王*, 欧阳明华 -> 欧**华; a single character stays. */
    public static String mask(String name) {
        if (name == null || name.length() < 2) {
            return name == null ? "" : name;
        }
        int[] cps = name.codePoints().toArray();
        if (cps.length == 2) {
            return new String(cps, 0, 1) + "*";
        }
        return new String(cps, 0, 1) + "*".repeat(cps.length - 2) + new String(cps, cps.length - 1, 1);
    }
}
