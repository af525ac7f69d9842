package org.mingze.search.internal;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.cn.smart.hhmm.HHMMSegmenter;
import org.apache.lucene.analysis.cn.smart.hhmm.SegToken;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.ArrayUtil;

/**
 * Chinese words with the domain dictionary kept whole. smartcn has no user dictionary, so this tokenizer runs a
 * leftmost-longest dictionary match over each run of Han characters first and hands only the gaps between
 * dictionary terms to smartcn's HHMM segmenter. Runs of letters and digits are one token each; everything else
 * (punctuation, spaces, symbols) separates tokens and is dropped.
 *
 * <p>Token types: {@link #DICT} (a dictionary term), {@link #WORD} (a smartcn word), {@link #ALNUM}.
 */
final class DomainTokenizer extends WholeTextTokenizer {

    static final String DICT = "<DICT>";
    static final String WORD = "<WORD>";
    static final String ALNUM = "<ALNUM>";
    /** smartcn gets at most this many characters at once (its cost grows with the length of a sentence). */
    private static final int MAX_SEGMENT = 64;
    private static final int MAX_TOKEN = 255;

    private final TermTrie dictionary;
    private final HHMMSegmenter segmenter = new HHMMSegmenter();
    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posAtt = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);

    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private String[] types = new String[64];
    private int count;
    private int next;

    DomainTokenizer(TermTrie dictionary) {
        this.dictionary = dictionary;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        count = 0;
        next = 0;
        split();
    }

    @Override
    public boolean incrementToken() {
        if (next >= count) {
            return false;
        }
        clearAttributes();
        int start = starts[next];
        int end = ends[next];
        termAtt.copyBuffer(text, start, end - start);
        offsetAtt.setOffset(correctOffset(start), correctOffset(end));
        posAtt.setPositionIncrement(1);
        typeAtt.setType(types[next]);
        next++;
        return true;
    }

    private void split() {
        int i = 0;
        while (i < length) {
            int cp = Character.codePointAt(text, i, length);
            if (isHan(cp)) {
                int j = i;
                while (j < length && isHan(Character.codePointAt(text, j, length))) {
                    j += Character.charCount(Character.codePointAt(text, j, length));
                }
                han(i, j);
                i = j;
            } else if (Character.isLetterOrDigit(cp)) {
                int j = i;
                while (j < length) {
                    int c = Character.codePointAt(text, j, length);
                    if (isHan(c) || !Character.isLetterOrDigit(c)) {
                        break;
                    }
                    j += Character.charCount(c);
                }
                for (int s = i; s < j; s += MAX_TOKEN) {
                    add(s, Math.min(j, s + MAX_TOKEN), ALNUM);
                }
                i = j;
            } else {
                i += Character.charCount(cp);
            }
        }
    }

    /** A run of Han characters {@code [from, to)}: dictionary terms first, smartcn for what lies between them. */
    private void han(int from, int to) {
        int gap = from;
        int i = from;
        while (i < to) {
            int match = dictionary.longestMatch(text, i, to);
            if (match > 0) {
                segment(gap, i);
                add(i, i + match, DICT);
                i += match;
                gap = i;
            } else {
                i++;
            }
        }
        segment(gap, to);
    }

    private void segment(int from, int to) {
        int s = from;
        while (s < to) {
            int e = Math.min(to, s + MAX_SEGMENT);
            if (e < to && Character.isHighSurrogate(text[e - 1])) {
                e++;
            }
            if (e - s == 1 || (e - s == 2 && Character.isHighSurrogate(text[s]))) {
                add(s, e, WORD);
            } else {
                List<SegToken> tokens = segmenter.process(new String(text, s, e - s));
                // the first and the last token mark the start and the end of the sentence
                for (int k = 1; k < tokens.size() - 1; k++) {
                    SegToken t = tokens.get(k);
                    if (t.endOffset > t.startOffset) {
                        add(s + t.startOffset, s + t.endOffset, WORD);
                    }
                }
            }
            s = e;
        }
    }

    private void add(int start, int end, String type) {
        if (count == starts.length) {
            starts = ArrayUtil.grow(starts, count + 1);
            ends = ArrayUtil.growExact(ends, starts.length);
            types = ArrayUtil.growExact(types, starts.length);
        }
        starts[count] = start;
        ends[count] = end;
        types[count] = type;
        count++;
    }

    static boolean isHan(int codePoint) {
        if (codePoint < 0x2E80) {
            return false;
        }
        if (codePoint >= 0x4E00 && codePoint <= 0x9FFF) {
            return true;
        }
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }
}
