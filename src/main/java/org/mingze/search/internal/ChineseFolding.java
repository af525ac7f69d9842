package org.mingze.search.internal;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;

/**
 * Folds text the way the index sees it: Unicode NFKC with case folding (full-width to half-width, upper to lower
 * case, compatibility forms to their plain letters) and traditional to simplified Chinese characters, using ICU's
 * {@code Traditional-Simplified} transliterator.
 *
 * <p>ICU's traditional-to-simplified mapping is one character to one character (checked over the whole CJK block
 * in {@code AnalyzersTest}), so it can run before word segmentation without moving offsets. That matters: smartcn
 * cuts 主體責任 into four single characters but 主体责任 into words, so folding after segmentation (as
 * {@code ICUTransformFilter} would) is too late. The transliterator is slow to create and to call, so each
 * character is looked up once and remembered in a table.
 */
public final class ChineseFolding {

    private static final Normalizer2 NFKC_CF = Normalizer2.getNFKCCasefoldInstance();
    /** 0 = not looked up yet; otherwise the simplified form of the character (often itself). */
    private static final char[] TABLE = new char[Character.MAX_VALUE + 1];
    private static volatile Transliterator transliterator;

    private ChineseFolding() {
    }

    /** NFKC case folding, then traditional to simplified; for dictionary terms, suggestions and tests. */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        char[] chars = NFKC_CF.normalize(text).toCharArray();
        foldInPlace(chars, 0, chars.length);
        return new String(chars);
    }

    /** Replaces traditional characters by simplified ones in {@code chars[from, to)}. */
    static void foldInPlace(char[] chars, int from, int to) {
        for (int i = from; i < to; i++) {
            chars[i] = simplified(chars[i]);
        }
    }

    /** The simplified form of a (BMP) Han character, or the character itself. */
    static char simplified(char c) {
        if (c < 0x3400 || Character.isSurrogate(c)) {
            return c;
        }
        char mapped = TABLE[c];
        if (mapped == 0) {
            mapped = lookUp(c);
            TABLE[c] = mapped;
        }
        return mapped;
    }

    private static char lookUp(char c) {
        if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) {
            return c;
        }
        String out;
        Transliterator t = transliterator();
        synchronized (t) {
            out = t.transliterate(String.valueOf(c));
        }
        return out.length() == 1 ? out.charAt(0) : c;
    }

    private static Transliterator transliterator() {
        Transliterator t = transliterator;
        if (t == null) {
            synchronized (ChineseFolding.class) {
                t = transliterator;
                if (t == null) {
                    t = Transliterator.getInstance("Traditional-Simplified");
                    transliterator = t;
                }
            }
        }
        return t;
    }

    /** The ICU transliterator itself, for the test that checks the one-to-one assumption. */
    static String transliterate(String text) {
        Transliterator t = transliterator();
        synchronized (t) {
            return t.transliterate(text);
        }
    }
}
