package org.mingze.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.ArrayUtil;
import org.mingze.search.FacetCount;

/**
 * The facet values (global ordinals) of every document of one reader, read from the doc values once when the reader
 * is opened. Counting the facets of a search then costs a few array reads per hit; decoding the doc values of every
 * hit again was a third of the time of a search with many hits. Costs four bytes per document and per value, and
 * the values as strings. Immutable, so shared by all searches on the reader.
 */
final class FacetOrdinals {

    private final SortedSetDocValuesReaderState state;
    /** Document (top-level id) {@code d} has the ordinals {@code ords[starts[d] .. starts[d + 1])}. */
    private final int[] starts;
    private final int[] ords;
    /** The value (last path component) of each ordinal. */
    private final String[] labels;

    FacetOrdinals(SortedSetDocValuesReaderState state) throws IOException {
        this.state = state;
        int maxDoc = state.getReader().maxDoc();
        starts = new int[maxDoc + 1];
        int[] all = new int[Math.max(16, maxDoc * 4)];
        int n = 0;
        SortedSetDocValues values = state.getDocValues(); // top-level document ids and global ordinals
        int next = values.nextDoc();
        for (int doc = 0; doc < maxDoc; doc++) {
            starts[doc] = n;
            if (doc == next) {
                int count = values.docValueCount();
                all = ArrayUtil.grow(all, n + count);
                for (int i = 0; i < count; i++) {
                    all[n++] = (int) values.nextOrd();
                }
                next = values.nextDoc();
            }
        }
        starts[maxDoc] = n;
        ords = ArrayUtil.copyOfSubArray(all, 0, n);
        labels = new String[state.getSize()];
        SortedSetDocValues terms = state.getDocValues();
        for (int ord = 0; ord < labels.length; ord++) {
            String[] path = FacetsConfig.stringToPath(terms.lookupOrd(ord).utf8ToString());
            labels[ord] = path[path.length - 1];
        }
    }

    /**
     * Counts the facet values of the hits as they are collected: no set of matching documents is kept and walked
     * again afterwards (that second pass was a tenth of a search over thousands of hits, profiled, format 7). The
     * result is how many hits have each ordinal.
     */
    CollectorManager<Counter, int[]> counter() {
        return new CollectorManager<>() {
            @Override
            public Counter newCollector() {
                return new Counter(new int[labels.length]);
            }

            @Override
            public int[] reduce(Collection<Counter> collectors) {
                int[] sum = new int[labels.length];
                for (Counter c : collectors) {
                    for (int ord = 0; ord < sum.length; ord++) {
                        sum[ord] += c.counts[ord];
                    }
                }
                return sum;
            }
        };
    }

    /** Adds the ordinals of each collected document to its counts. */
    final class Counter extends SimpleCollector {
        private final int[] counts;
        private int base;

        private Counter(int[] counts) {
            this.counts = counts;
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) {
            base = context.docBase;
        }

        @Override
        public void collect(int doc) {
            int d = base + doc;
            for (int k = starts[d], end = starts[d + 1]; k < end; k++) {
                counts[ords[k]]++;
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    /**
     * The {@code max} values of a dimension found most often, in the order Lucene's own facet counts give them
     * (higher count first, then by the value); empty if the dimension is not in the index.
     */
    List<FacetCount> top(int[] counts, String dim, int max) {
        SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(dim);
        if (range == null) {
            return List.of();
        }
        List<int[]> found = new ArrayList<>();
        for (int ord = range.start; ord <= range.end; ord++) {
            if (counts[ord] > 0) {
                found.add(new int[] {ord, counts[ord]});
            }
        }
        found.sort((a, b) -> a[1] != b[1] ? Integer.compare(b[1], a[1]) : Integer.compare(a[0], b[0]));
        List<FacetCount> out = new ArrayList<>(Math.min(max, found.size()));
        for (int[] f : found.subList(0, Math.min(max, found.size()))) {
            out.add(new FacetCount(labels[f[0]], f[1]));
        }
        return out;
    }
}
