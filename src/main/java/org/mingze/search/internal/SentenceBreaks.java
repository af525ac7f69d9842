package org.mingze.search.internal;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;

/**
 * Sentence boundaries of Chinese (and plain English) text for the highlighter's passages: after 。！？；!?; and a line
 * break, with the closing quotes and brackets that follow such a mark kept in the sentence. The JDK's rule-based
 * sentence iterator did the same for our texts at a quarter of the highlighter's time (profiled, decision 0007,
 * format 6): it walks a state table through a {@link CharacterIterator} character by character. This one looks only
 * at the characters around the offsets it is asked about: the highlighter asks for the sentences around a few
 * matches of a 2,000-character body, and finding every boundary of the body first was 7 % of a search (profiled,
 * format 7).
 *
 * <p>An offset is a boundary when it is the start or the end of the text, or when the characters before it end with
 * a run of marks and closers that holds an end mark and the character at it is neither.
 */
final class SentenceBreaks extends BreakIterator {

    private String text = "";
    private int current;

    @Override
    public void setText(String newText) {
        text = newText;
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

    /** Whether a sentence starts (or the text ends) at {@code i}, for 0 <= i <= length. */
    private boolean boundaryAt(int i) {
        int length = text.length();
        if (i == 0 || i == length) {
            return true;
        }
        char at = text.charAt(i);
        if (ends(at) || closes(at)) {
            return false;
        }
        for (int j = i - 1; j >= 0; j--) {
            char c = text.charAt(j);
            if (ends(c)) {
                return true;
            }
            if (!closes(c)) {
                return false;
            }
        }
        return false;
    }

    /** Han characters (most of a text) and the rest between: neither an end mark nor a closer. */
    private static boolean plain(char c) {
        return c >= 0x3400 && c < 0xFF00;
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
        return 0;
    }

    @Override
    public int last() {
        current = text.length();
        return current;
    }

    @Override
    public int next(int n) {
        int result = current;
        for (int k = 0; k < n && result != DONE; k++) {
            result = following(current);
        }
        for (int k = 0; k > n && result != DONE; k--) {
            result = preceding(current);
        }
        return result;
    }

    @Override
    public int next() {
        return following(current);
    }

    @Override
    public int previous() {
        return preceding(current);
    }

    @Override
    public int current() {
        return current;
    }

    /** The first boundary after {@code offset}, or {@link #DONE} (then the iterator is at the last boundary). */
    @Override
    public int following(int offset) {
        check(offset);
        int length = text.length();
        for (int i = offset + 1; i <= length; i++) {
            if (i == length || !plain(text.charAt(i - 1)) && boundaryAt(i)) {
                current = i;
                return i;
            }
        }
        current = length;
        return DONE;
    }

    /** The last boundary before {@code offset}, or {@link #DONE} (then the iterator is at the first boundary). */
    @Override
    public int preceding(int offset) {
        check(offset);
        for (int i = offset - 1; i >= 0; i--) {
            if (i == 0 || !plain(text.charAt(i - 1)) && boundaryAt(i)) {
                current = i;
                return i;
            }
        }
        current = 0;
        return DONE;
    }

    @Override
    public boolean isBoundary(int offset) {
        check(offset);
        if (boundaryAt(offset)) {
            current = offset;
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
