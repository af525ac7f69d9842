package org.mingze.search.internal;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;

/**
 * Sentence boundaries of Chinese (and plain English) text for the highlighter's passages: after 。！？；!?; and a line
 * break, with the closing quotes and brackets that follow such a mark kept in the sentence. The JDK's rule-based
 * sentence iterator did the same for our texts at a quarter of the highlighter's time (profiled, decision 0007,
 * format 6): it walks a state table through a {@link CharacterIterator} character by character; this one finds all
 * boundaries of a text in one pass over its characters and answers from that array.
 */
final class SentenceBreaks extends BreakIterator {

    private String text = "";
    private int[] bounds = {0};
    private int count = 1;
    private int current;

    @Override
    public void setText(String newText) {
        text = newText;
        int[] b = new int[16];
        int n = 0;
        b[n++] = 0;
        int length = newText.length();
        int i = 0;
        while (i < length) {
            char c = newText.charAt(i++);
            if (c >= 0x3400 && c < 0xFF00) { // Han characters (most of a text) and the rest between: no end mark
                continue;
            }
            if (ends(c)) {
                while (i < length && (ends(newText.charAt(i)) || closes(newText.charAt(i)))) {
                    i++;
                }
                if (i < length) {
                    if (n == b.length) {
                        b = Arrays.copyOf(b, n * 2);
                    }
                    b[n++] = i;
                }
            }
        }
        if (length > 0) {
            if (n == b.length) {
                b = Arrays.copyOf(b, n + 1);
            }
            b[n++] = length;
        }
        bounds = b;
        count = n;
        current = 0;
    }

    @Override
    public void setText(CharacterIterator newText) {
        StringBuilder sb = new StringBuilder(newText.getEndIndex() - newText.getBeginIndex());
        for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
            sb.append(c);
        }
        setText(sb.toString());
    }

    @Override
    public CharacterIterator getText() {
        return new StringCharacterIterator(text);
    }

    private static boolean ends(char c) {
        return c == '。' || c == '！' || c == '？' || c == '；' || c == '!' || c == '?' || c == ';' || c == '\n'
                || c == '…';
    }

    private static boolean closes(char c) {
        return c == '”' || c == '’' || c == '」' || c == '』' || c == '）' || c == ')' || c == '"' || c == '\''
                || c == '》' || c == '】' || c == '\r';
    }

    @Override
    public int first() {
        current = 0;
        return bounds[0];
    }

    @Override
    public int last() {
        current = count - 1;
        return bounds[current];
    }

    @Override
    public int next(int n) {
        int target = current + n;
        if (target < 0 || target >= count) {
            current = target < 0 ? 0 : count - 1;
            return DONE;
        }
        current = target;
        return bounds[current];
    }

    @Override
    public int next() {
        return next(1);
    }

    @Override
    public int previous() {
        return next(-1);
    }

    @Override
    public int current() {
        return bounds[current];
    }

    /** The first boundary after {@code offset}, or {@link #DONE} (then the iterator is at the last boundary). */
    @Override
    public int following(int offset) {
        check(offset);
        int k = Arrays.binarySearch(bounds, 0, count, offset);
        k = k >= 0 ? k + 1 : -k - 1;
        if (k >= count) {
            current = count - 1;
            return DONE;
        }
        current = k;
        return bounds[k];
    }

    /** The last boundary before {@code offset}, or {@link #DONE} (then the iterator is at the first boundary). */
    @Override
    public int preceding(int offset) {
        check(offset);
        int k = Arrays.binarySearch(bounds, 0, count, offset);
        k = k >= 0 ? k - 1 : -k - 2;
        if (k < 0) {
            current = 0;
            return DONE;
        }
        current = k;
        return bounds[k];
    }

    @Override
    public boolean isBoundary(int offset) {
        check(offset);
        int k = Arrays.binarySearch(bounds, 0, count, offset);
        if (k >= 0) {
            current = k;
            return true;
        }
        following(offset);
        return false;
    }

    private void check(int offset) {
        if (offset < 0 || offset > text.length()) {
            throw new IllegalArgumentException("offset out of bounds: " + offset);
        }
    }
}
