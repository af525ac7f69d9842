package org.mingze.search.internal;

import java.io.IOException;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.ArrayUtil;

/**
 * A tokenizer that reads its whole (already folded) input into {@link #text} on {@link #reset()} and then works on
 * the array: the dictionary's tokenizers need to look ahead across a run of characters.
 */
abstract class WholeTextTokenizer extends Tokenizer {

    protected final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
    /** The input, {@code text[0, length)}. */
    protected char[] text = new char[256];
    protected int length;

    @Override
    public void reset() throws IOException {
        super.reset();
        length = 0;
        int n;
        while ((n = input.read(text, length, text.length - length)) != -1) {
            length += n;
            if (length == text.length) {
                text = ArrayUtil.grow(text, length + 1);
            }
        }
    }

    @Override
    public void end() throws IOException {
        super.end();
        int last = correctOffset(length);
        offsetAtt.setOffset(last, last);
    }
}
