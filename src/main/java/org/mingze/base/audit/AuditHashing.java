package org.mingze.base.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 over the previous hash and every field of an entry, with unambiguous separators. */
final class AuditHashing {

    private AuditHashing() {
    }

    static String hash(AuditEntry e) {
        StringBuilder sb = new StringBuilder(256);
        append(sb, e.getPrevHash());
        append(sb, String.valueOf(e.getId()));
        append(sb, String.valueOf(e.getOccurredAt().toEpochMilli()));
        append(sb, e.getActor());
        append(sb, e.getAction());
        append(sb, e.getObjectType());
        append(sb, e.getObjectId());
        append(sb, e.getSourceAddr());
        append(sb, e.getDetail());
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void append(StringBuilder sb, String value) {
        // length-prefixed, so that ("ab","c") and ("a","bc") never hash alike; null differs from ""
        if (value == null) {
            sb.append("-1:");
        } else {
            sb.append(value.length()).append(':').append(value);
        }
        sb.append('|');
    }
}
