package org.mingze.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

/**
 * Where the query's words are in a body, read straight from the postings of the body's two indexed views (the
 * bigram field and the dictionary-term field, both with offsets), for the unified highlighter's passages.
 *
 * <p>Lucene's own strategy asks the query's weight for its matches in every document: it builds the weight and
 * looks up every term again for each of the ten hits, and walks phrases through the matches API. That was half of
 * the highlighter's time, and the highlighter a third of a search (profiled, decision 0007, format 6). The body's
 * clauses are only terms and exact phrases, so this strategy looks each term up once per segment and per hit only
 * reads its positions and offsets: a term marks each of its occurrences; a phrase marks each run where its terms
 * stand at their positions, from the first one's start to the last one's end (as the matches API does).
 * Exclusions mark nothing.
 */
final class BodyOffsets extends FieldOffsetStrategy {

    /** A term, or a phrase of terms at relative positions, in one of the body's indexed fields. */
    record Mark(String field, BytesRef[] terms, int[] positions, BytesRef label) {

        static Mark of(TermQuery q) {
            BytesRef t = q.getTerm().bytes();
            return new Mark(q.getTerm().field(), new BytesRef[] {t}, new int[] {0}, t);
        }

        static Mark of(PhraseQuery q) {
            Term[] terms = q.getTerms();
            BytesRef[] bytes = new BytesRef[terms.length];
            StringBuilder label = new StringBuilder();
            for (int i = 0; i < terms.length; i++) {
                bytes[i] = terms[i].bytes();
                label.append(terms[i].text()).append(' ');
            }
            return new Mark(q.getField(), bytes, q.getPositions(), new BytesRef(label));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Mark m && field.equals(m.field) && Arrays.equals(terms, m.terms)
                    && Arrays.equals(positions, m.positions);
        }

        @Override
        public int hashCode() {
            return field.hashCode() * 31 + Arrays.hashCode(terms);
        }
    }

    private final List<Mark> marks;
    private final Map<LeafReader, Looked[]> perLeaf = new IdentityHashMap<>();

    BodyOffsets(UHComponents components, List<Mark> marks) {
        super(components);
        this.marks = marks;
    }

    /** The marks of {@code query} on {@code fields}: its terms and phrases there, not those it excludes. */
    static List<Mark> marks(Query query, Set<String> fields) {
        Set<Mark> out = new LinkedHashSet<>();
        collect(query, fields, out);
        return List.copyOf(out);
    }

    private static void collect(Query query, Set<String> fields, Set<Mark> out) {
        if (query instanceof BoostQuery boost) {
            collect(boost.getQuery(), fields, out);
        } else if (query instanceof FunctionScoreQuery function) {
            collect(function.getWrappedQuery(), fields, out);
        } else if (query instanceof TermQuery term) {
            if (fields.contains(term.getTerm().field())) {
                out.add(Mark.of(term));
            }
        } else if (query instanceof PhraseQuery phrase) {
            if (fields.contains(phrase.getField()) && phrase.getTerms().length > 0) {
                out.add(Mark.of(phrase));
            }
        } else if (query instanceof BooleanQuery bool) {
            for (BooleanClause c : bool.clauses()) {
                if (c.getOccur() != BooleanClause.Occur.MUST_NOT) {
                    collect(c.getQuery(), fields, out);
                }
            }
        }
    }

    @Override
    public UnifiedHighlighter.OffsetSource getOffsetSource() {
        return UnifiedHighlighter.OffsetSource.POSTINGS;
    }

    @Override
    public OffsetsEnum getOffsetsEnum(LeafReader reader, int doc, String content) throws IOException {
        Looked[] looked = perLeaf.get(reader);
        if (looked == null) {
            looked = lookUp(reader);
            perLeaf.put(reader, looked);
        }
        List<OffsetsEnum> found = new ArrayList<>();
        for (int m = 0; m < marks.size(); m++) {
            int[] spans = looked[m] == null ? null : looked[m].spans(doc);
            if (spans != null && spans.length > 0) {
                found.add(new Spans(marks.get(m).label(), spans));
            }
        }
        if (found.isEmpty()) {
            return OffsetsEnum.EMPTY;
        }
        return found.size() == 1 ? found.get(0) : new OffsetsEnum.MultiOffsetsEnum(found);
    }

    /** Each mark's terms looked up once in a segment; null where one of them is not there (it marks nothing). */
    private Looked[] lookUp(LeafReader reader) throws IOException {
        Looked[] out = new Looked[marks.size()];
        for (int m = 0; m < marks.size(); m++) {
            Mark mark = marks.get(m);
            Terms terms = reader.terms(mark.field());
            if (terms == null || !terms.hasOffsets()) {
                continue;
            }
            TermsEnum[] enums = new TermsEnum[mark.terms().length];
            TermState[] states = new TermState[enums.length];
            boolean all = true;
            for (int i = 0; i < enums.length && all; i++) {
                enums[i] = terms.iterator();
                all = enums[i].seekExact(mark.terms()[i]);
                states[i] = all ? enums[i].termState() : null;
            }
            if (all) {
                out[m] = new Looked(mark, enums, states);
            }
        }
        return out;
    }

    /** One mark's terms in one segment. */
    private static final class Looked {
        private final Mark mark;
        private final TermsEnum[] enums;
        private final TermState[] states;
        private final PostingsEnum[] postings;

        Looked(Mark mark, TermsEnum[] enums, TermState[] states) {
            this.mark = mark;
            this.enums = enums;
            this.states = states;
            this.postings = new PostingsEnum[enums.length];
        }

        /** Start and end offsets of each occurrence in {@code doc}, in order: {s0, e0, s1, e1, ...}. */
        int[] spans(int doc) throws IOException {
            int n = enums.length;
            int[][] occurrences = new int[n][]; // per term: position, start, end, ...
            for (int i = 0; i < n; i++) {
                // the highlighter asks for its documents in increasing order: go on from the last one asked about
                // rather than from the start of the postings
                if (postings[i] == null || postings[i].docID() >= doc) {
                    enums[i].seekExact(mark.terms()[i], states[i]);
                    postings[i] = enums[i].postings(postings[i], PostingsEnum.OFFSETS);
                }
                if (postings[i].advance(doc) != doc) {
                    return null;
                }
                int freq = postings[i].freq();
                int[] o = new int[freq * 3];
                for (int k = 0; k < freq; k++) {
                    o[3 * k] = postings[i].nextPosition();
                    o[3 * k + 1] = postings[i].startOffset();
                    o[3 * k + 2] = postings[i].endOffset();
                }
                occurrences[i] = o;
            }
            int[] first = occurrences[0];
            int[] out = new int[first.length / 3 * 2];
            int count = 0;
            for (int k = 0; k < first.length; k += 3) {
                int base = first[k] - mark.positions()[0];
                int end = first[k + 2];
                boolean all = true;
                for (int i = 1; i < n && all; i++) {
                    int at = find(occurrences[i], base + mark.positions()[i]);
                    all = at >= 0;
                    if (all) {
                        end = Math.max(end, occurrences[i][at + 2]);
                    }
                }
                if (all) {
                    out[count++] = first[k + 1];
                    out[count++] = end;
                }
            }
            return Arrays.copyOf(out, count);
        }

        /** The index of the triple at {@code position} (triples are in position order), or -1. */
        private static int find(int[] triples, int position) {
            int lo = 0;
            int hi = triples.length / 3 - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int p = triples[3 * mid];
                if (p < position) {
                    lo = mid + 1;
                } else if (p > position) {
                    hi = mid - 1;
                } else {
                    return 3 * mid;
                }
            }
            return -1;
        }
    }

    /** The occurrences of one mark in one document. */
    private static final class Spans extends OffsetsEnum {
        private final BytesRef label;
        private final int[] spans;
        private int at = -2;

        Spans(BytesRef label, int[] spans) {
            this.label = label;
            this.spans = spans;
        }

        @Override
        public boolean nextPosition() {
            at += 2;
            return at < spans.length;
        }

        @Override
        public int freq() {
            return spans.length / 2;
        }

        @Override
        public BytesRef getTerm() {
            return label;
        }

        @Override
        public int startOffset() {
            return spans[at];
        }

        @Override
        public int endOffset() {
            return spans[at + 1];
        }
    }
}
