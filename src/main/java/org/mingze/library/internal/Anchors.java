package org.mingze.library.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * Stable section anchors derived from heading text: letters (CJK included) and digits are kept, everything else
 * (punctuation, spaces, symbols) is dropped, so "一、什么是第一责任人" becomes "一什么是第一责任人". Repeats within one
 * material get "-2", "-3" ... in document order. A derived anchor never contains "-" itself, so the suffixes cannot
 * collide with another heading's anchor.
 */
public final class Anchors {

    /** The anchor of a heading made only of punctuation. */
    static final String FALLBACK = "section";

    private final Map<String, Integer> seen = new HashMap<>();

    /** The anchor of a heading, before de-duplication. */
    public static String slug(String heading) {
        StringBuilder sb = new StringBuilder();
        (heading == null ? "" : heading).codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        return sb.isEmpty() ? FALLBACK : sb.toString();
    }

    /** The anchor of the next heading in the same material: its slug, suffixed when the slug was seen before. */
    public String next(String heading) {
        String base = slug(heading);
        int n = seen.merge(base, 1, Integer::sum);
        return n == 1 ? base : base + "-" + n;
    }
}
