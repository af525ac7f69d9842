package org.mingze.quiz.internal.grading;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Fill-in answers are compared after trimming, folding full-width to half-width and ignoring case and white space
 * (content-format.md): {@code "ＡＢＣ 党委 书记 "} and {@code "abc党委书记"} are the same answer.
 */
public final class FillNormalizer {

    private FillNormalizer() {
    }

    /** The comparable form of an answer; idempotent, never null. */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        // folding can expose more to fold (a compatibility character that becomes upper case, a combining mark
        // that meets its base once a space between them is gone): repeat until nothing changes
        String current = text;
        for (int i = 0; i < 4; i++) {
            String next = foldOnce(current);
            if (next.equals(current)) {
                break;
            }
            current = next;
        }
        return current;
    }

    private static String foldOnce(String text) {
        // NFKC folds full-width letters, digits, punctuation and the ideographic space to their half-width forms
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints().filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp)
                && Character.getType(cp) != Character.FORMAT).forEach(out::appendCodePoint);
        return Normalizer.normalize(out, Normalizer.Form.NFKC);
    }

    /** Whether the given answer matches one of the accepted ones. */
    public static boolean accepts(java.util.List<String> accepted, String given) {
        String g = normalize(given);
        return !g.isEmpty() && accepted.stream().anyMatch(a -> normalize(a).equals(g));
    }
}
