package org.mingze.search.internal;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;

/**
 * Folds traditional Chinese characters to simplified ones before the tokenizer sees them (see
 * {@link ChineseFolding}). One character in, one character out, so offsets stay as they are.
 */
final class TraditionalToSimplifiedCharFilter extends CharFilter {

    TraditionalToSimplifiedCharFilter(Reader in) {
        super(in);
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        int n = input.read(cbuf, off, len);
        if (n > 0) {
            ChineseFolding.foldInPlace(cbuf, off, off + n);
        }
        return n;
    }

    @Override
    protected int correct(int currentOff) {
        return currentOff;
    }
}
