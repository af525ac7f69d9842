package org.mingze.search.internal;

import java.io.IOException;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Every occurrence of a dictionary term in a text, nested and overlapping ones included: at each character of a run
 * of Han characters, each term of the trie that starts there and ends inside the run is one token (a longer term at
 * the same start is a token at the same position). Nothing else is emitted. This is the body's term field (index
 * format 6): a query word that is such a term is one term lookup there instead of a phrase of its bigrams, with the
 * same hits, because both find exactly the unbroken run of its characters (see decision 0007, "Update (format 6)").
 */
final class DictionaryTermTokenizer extends WholeTextTokenizer {

    private final TermTrie trie;
    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posAtt = addAttribute(PositionIncrementAttribute.class);

    private final int[] lengths = new int[64];
    private int matchCount;
    private int matchNext;
    private int at;
    private int runEnd;

    DictionaryTermTokenizer(TermTrie trie) {
        this.trie = trie;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        at = -1;
        runEnd = 0;
        matchCount = 0;
        matchNext = 0;
    }

    @Override
    public boolean incrementToken() {
        while (matchNext >= matchCount) {
            if (!advance()) {
                return false;
            }
        }
        clearAttributes();
        int end = at + lengths[matchNext];
        termAtt.copyBuffer(text, at, end - at);
        offsetAtt.setOffset(correctOffset(at), correctOffset(end));
        posAtt.setPositionIncrement(matchNext == 0 ? 1 : 0);
        matchNext++;
        return true;
    }

    /** Moves to the next character that starts a term; false at the end of the text. */
    private boolean advance() {
        while (true) {
            at++;
            if (at >= length) {
                return false;
            }
            if (at >= runEnd) { // find the run of Han characters that holds this character
                while (at < length && !isHan(text[at])) {
                    at++;
                }
                if (at >= length) {
                    return false;
                }
                runEnd = at;
                while (runEnd < length && isHan(text[runEnd])) {
                    runEnd++;
                }
            }
            matchCount = trie.allMatches(text, at, runEnd, lengths);
            matchNext = 0;
            if (matchCount > 0) {
                return true;
            }
        }
    }

    /** Han characters of the basic plane (the dictionary's terms are made of them: see {@link Analyzers}). */
    static boolean isHan(char c) {
        return c >= 0x2E80 && !Character.isSurrogate(c) && DomainTokenizer.isHan(c);
    }
}
