package org.mingze.quiz.internal;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How alike two stems are, to warn an editor about a near-duplicate question: the Jaccard index of the character
 * bigrams of both stems after folding full-width to half-width, lower-casing and dropping everything but letters
 * and digits (punctuation, spaces, the underscores of blanks). 1 means the same text.
 */
public final class StemSimilarity {

    /** From this similarity on, a stem counts as nearly the same as another. */
    public static final double NEARLY_THE_SAME = 0.8;

    private StemSimilarity() {
    }

    /** Letters and digits only, full-width folded, lower case. */
    public static String normalise(String stem) {
        if (stem == null) {
            return "";
        }
        String folded = Normalizer.normalize(stem, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /** The character bigrams of a normalised text; a text of one character is its own "bigram". */
    public static Set<String> bigrams(String normalised) {
        Set<String> grams = new HashSet<>();
        int[] cps = normalised.codePoints().toArray();
        if (cps.length == 1) {
            grams.add(new String(cps, 0, 1));
        }
        for (int i = 0; i + 1 < cps.length; i++) {
            grams.add(new String(cps, i, 2));
        }
        return grams;
    }

    public static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String g : a) {
            if (b.contains(g)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }

    public static double similarity(String stem1, String stem2) {
        return jaccard(bigrams(normalise(stem1)), bigrams(normalise(stem2)));
    }
}
