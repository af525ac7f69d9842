package org.mingze.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * Suggestions as you type: domain terms, then titles of what is in the index, matched on a folded
 * prefix first and anywhere inside second. The candidates are read from doc values once per index change and kept
 * in memory; a lookup is a scan over them (a few thousand strings: well under a millisecond).
 */
public final class Suggester {

    /** Doc values fields: titles of visible documents, and of archived ones. */
    static final String SUGGEST = "suggest";
    static final String SUGGEST_ARCHIVED = "suggest_archived";

    private record Entry(String text, String folded, int rank, boolean archived) {
    }

    private record Snapshot(long version, List<Entry> entries) {
    }

    private final SearchIndex index;
    private final List<Entry> terms;
    private volatile Snapshot snapshot = new Snapshot(-1, List.of());

    public Suggester(SearchIndex index) {
        this.index = index;
        List<Entry> t = new ArrayList<>();
        for (String term : index.analyzers().dictionary().terms()) {
            t.add(new Entry(term, term, 0, false));
        }
        this.terms = List.copyOf(t);
    }

    /** At most {@code limit} suggestions for what has been typed so far. */
    public List<String> suggest(String typed, int limit, boolean includeArchived) {
        String q = ChineseFolding.fold(typed == null ? "" : typed.strip());
        if (q.isEmpty() || limit <= 0) {
            return List.of();
        }
        if (q.length() > 50) {
            q = q.substring(0, 50);
        }
        List<Entry> prefix = new ArrayList<>();
        List<Entry> infix = new ArrayList<>();
        for (List<Entry> list : List.of(terms, current().entries)) {
            for (Entry e : list) {
                if (e.archived && !includeArchived) {
                    continue;
                }
                if (e.folded.startsWith(q)) {
                    prefix.add(e);
                } else if (e.folded.contains(q)) {
                    infix.add(e);
                }
            }
        }
        Comparator<Entry> order = Comparator.comparingInt(Entry::rank).thenComparingInt(e -> e.text.length())
                .thenComparing(Entry::text);
        prefix.sort(order);
        infix.sort(order);
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (List<Entry> list : List.of(prefix, infix)) {
            for (Entry e : list) {
                if (out.size() >= limit) {
                    break;
                }
                out.putIfAbsent(e.text, Boolean.TRUE);
            }
        }
        return List.copyOf(out.keySet());
    }

    /**
     * Terms and titles that share pairs of characters with a query (which found nothing): for 三会两课, 三会一课.
     * The more pairs in common, the earlier; the query itself is left out.
     */
    public List<String> related(String query, int limit, boolean includeArchived) {
        String q = ChineseFolding.fold(query == null ? "" : query).replaceAll("[\\s\\p{Punct}\"“”「」『』]+", "");
        if (q.length() > 50) {
            q = q.substring(0, 50);
        }
        java.util.Set<String> pairs = new java.util.HashSet<>();
        for (int i = 0; i + 2 <= q.length(); i++) {
            pairs.add(q.substring(i, i + 2));
        }
        if (pairs.isEmpty()) {
            return q.isEmpty() ? List.of() : suggest(q, limit, includeArchived);
        }
        record Scored(Entry entry, int shared) {
        }
        List<Scored> scored = new ArrayList<>();
        for (List<Entry> list : List.of(terms, current().entries)) {
            for (Entry e : list) {
                if ((e.archived && !includeArchived) || e.folded.equals(q)) {
                    continue;
                }
                int shared = 0;
                for (String p : pairs) {
                    if (e.folded.contains(p)) {
                        shared++;
                    }
                }
                if (shared > 0) {
                    scored.add(new Scored(e, shared));
                }
            }
        }
        scored.sort(Comparator.comparingInt((Scored x) -> -x.shared).thenComparingInt(x -> x.entry.rank)
                .thenComparingInt(x -> x.entry.text.length()).thenComparing(x -> x.entry.text));
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (Scored x : scored) {
            if (out.size() >= limit) {
                break;
            }
            out.putIfAbsent(x.entry.text, Boolean.TRUE);
        }
        return List.copyOf(out.keySet());
    }

    private Snapshot current() {
        SearchIndex.Searcher s = index.acquire();
        try {
            long version = ((DirectoryReader) s.getIndexReader()).getVersion();
            Snapshot snap = snapshot;
            if (snap.version == version) {
                return snap;
            }
            synchronized (this) {
                if (snapshot.version != version) {
                    snapshot = new Snapshot(version, read(s));
                }
                return snapshot;
            }
        } finally {
            index.release(s);
        }
    }

    private static List<Entry> read(SearchIndex.Searcher s) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try {
            for (String field : List.of(SUGGEST, SUGGEST_ARCHIVED)) {
                boolean archived = field.equals(SUGGEST_ARCHIVED);
                for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                    SortedSetDocValues dv = DocValues.getSortedSet(leaf.reader(), field);
                    if (dv.getValueCount() == 0) {
                        continue;
                    }
                    FixedBitSet used = new FixedBitSet((int) Math.min(Integer.MAX_VALUE - 8, dv.getValueCount()));
                    Bits live = leaf.reader().getLiveDocs();
                    for (int doc = dv.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = dv.nextDoc()) {
                        if (live != null && !live.get(doc)) {
                            continue;
                        }
                        for (int i = 0; i < dv.docValueCount(); i++) {
                            used.set((int) dv.nextOrd());
                        }
                    }
                    for (int ord = used.nextSetBit(0); ord != DocIdSetIterator.NO_MORE_DOCS;
                         ord = ord + 1 < used.length() ? used.nextSetBit(ord + 1) : DocIdSetIterator.NO_MORE_DOCS) {
                        String text = dv.lookupOrd(ord).utf8ToString();
                        // a title visible anywhere is visible: do not let an archived copy hide it
                        Entry existing = entries.get(text);
                        if (existing == null || (existing.archived && !archived)) {
                            entries.put(text, new Entry(text, ChineseFolding.fold(text), 1, archived));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(entries.values());
    }
}
