package org.mingze.search.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.FieldHighlighter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.mingze.search.FacetCount;
import org.mingze.search.SearchHit;
import org.mingze.search.SearchMessage;
import org.mingze.search.SearchRequest;
import org.mingze.search.SearchResults;
import org.mingze.search.SearchSort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link SearchRequest} against the {@link SearchIndex}: parse, build, filter, collect hits and facet counts
 * in one pass, highlight the page. Never throws for what a person typed; a failure of the index itself becomes
 * {@link SearchMessage#UNAVAILABLE}.
 */
public final class SearchEngine {

    private static final Logger log = LoggerFactory.getLogger(SearchEngine.class);
    /** Hits beyond this rank are not paged to (the total is still exact). */
    public static final int MAX_WINDOW = 1000;
    static final int SNIPPET_LENGTH = 120;
    static final int FACET_VALUES = 30;
    /**
     * The score of a question hit is multiplied by this. A question is a sentence or two that repeats the term it
     * asks about, so it outscores the longer section that explains the term (BM25 favours short texts). Measured in
     * {@code ContentRelevanceWithQuestionsTest} (the judged queries over the project's materials and its 286
     * questions, as an organiser sees them): weight 1 puts a question first for 5 of 42 queries (MRR 0.925, recall@10
     * of the judged sections 0.80, 4.9 questions in the top ten); 0.5 puts a material section first for all (MRR 1.0,
     * recall@10 0.88) and still shows 2.5 questions in the top ten; 0.25 nearly hides them (0.9).
     */
    static final float QUESTION_WEIGHT = 0.5f;

    private static final SnippetScorer SCORER = new SnippetScorer();
    /** The body's indexed views, whose offsets mark the stored body text. */
    private static final Set<String> BODY_FIELDS = Set.of(SearchFields.TEXT + Analyzers.BIGRAM_SUFFIX,
            SearchFields.TEXT + Analyzers.TERM_SUFFIX);

    private final SearchIndex index;
    private final QueryFactory queries;

    public SearchEngine(SearchIndex index) {
        this.index = index;
        this.queries = new QueryFactory(index.analyzers());
    }

    public SearchIndex index() {
        return index;
    }

    /**
     * What a person may find: questions (organisers, administrators, auditors: the people who may open the bank)
     * and archived materials and retired questions (administrators).
     */
    public record Visibility(boolean questions, boolean archived) {

        /** Materials only, archived ones when {@code archived}. */
        public static Visibility materials(boolean archived) {
            return new Visibility(false, archived);
        }

        /** The document types that may be found. */
        List<String> types() {
            return questions ? List.of(SearchFields.TYPE_MATERIAL, SearchFields.TYPE_QUESTION)
                    : List.of(SearchFields.TYPE_MATERIAL);
        }
    }

    /**
     * Searches the materials only.
     *
     * @param includeArchived whether archived materials may be shown (administrators only)
     */
    public SearchResults search(SearchRequest request, boolean includeArchived) {
        return search(request, Visibility.materials(includeArchived));
    }

    /** Searches what {@code visibility} allows; hits of other types or archived ones are neither shown nor counted. */
    public SearchResults search(SearchRequest request, Visibility visibility) {
        long start = System.nanoTime();
        UserQuery parsed = UserQueryParser.parse(request.q());
        Query main;
        Query relaxed = null;
        List<SearchMessage> notices = new ArrayList<>();
        SearchRequest req = request;
        if (parsed.isEmpty() && request.hasFilters()) {
            main = new MatchAllDocsQuery(); // browsing by filters alone: newest first
            req = request.withSort(SearchSort.DATE);
            notices.addAll(parsed.notices());
        } else {
            QueryFactory.Built built;
            try {
                built = queries.build(parsed);
            } catch (RuntimeException e) {
                log.warn("Query \"{}\" could not be built: {}", request.q(), e.toString());
                return SearchResults.problem(request, SearchMessage.of(SearchMessage.TOO_COMPLEX), List.of(),
                        millis(start));
            }
            notices.addAll(built.notices());
            if (built.problem() != null) {
                return SearchResults.problem(request, built.problem(), notices, millis(start));
            }
            main = built.query();
            relaxed = built.relaxed();
        }
        int window = req.page() * req.size();
        if (window > MAX_WINDOW) {
            notices.add(SearchMessage.of(SearchMessage.PAGE_LIMIT, MAX_WINDOW));
            int lastPage = Math.max(1, MAX_WINDOW / req.size());
            req = req.withPage(lastPage);
            window = lastPage * req.size();
        }
        SearchIndex.Searcher searcher = index.acquire();
        try {
            Found result = run(searcher, restricted(weighted(main, visibility), req, visibility), req, window);
            if (result.topDocs().totalHits.value == 0 && relaxed != null) {
                Found loose = run(searcher, restricted(weighted(relaxed, visibility), req, visibility), req, window);
                if (loose.topDocs().totalHits.value > 0) {
                    result = loose;
                    main = relaxed;
                    notices.add(SearchMessage.of(SearchMessage.RELAXED));
                }
            }
            TopDocs top = result.topDocs();
            ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, Math.min(top.scoreDocs.length, window - req.size()),
                    top.scoreDocs.length);
            List<SearchHit> hits = hits(searcher, main, page);
            Map<String, List<FacetCount>> facets = facets(searcher, result);
            return new SearchResults(req, top.totalHits.value, millis(start), hits, facets, notices, null);
        } catch (IOException | RuntimeException e) {
            if (e instanceof IndexSearcher.TooManyClauses) {
                return SearchResults.problem(request, SearchMessage.of(SearchMessage.TOO_COMPLEX), notices,
                        millis(start));
            }
            log.error("Search for \"{}\" failed", request.q(), e);
            return SearchResults.problem(request, SearchMessage.of(SearchMessage.UNAVAILABLE), notices,
                    millis(start));
        } finally {
            index.release(searcher);
        }
    }

    /** Question hits score {@link #QUESTION_WEIGHT} of what they would (see the constant). */
    private static Query weighted(Query query, Visibility visibility) {
        if (!visibility.questions() || QUESTION_WEIGHT == 1f) {
            return query;
        }
        return FunctionScoreQuery.boostByQuery(query,
                new TermQuery(new Term(SearchFields.TYPE, SearchFields.TYPE_QUESTION)), QUESTION_WEIGHT);
    }

    /** The top {@code window} hits, the total and the facet counts of a query, in one pass over its hits. */
    private record Found(TopDocs topDocs, int[] counts) {
    }

    private static Found run(SearchIndex.Searcher searcher, Query q, SearchRequest req, int window)
            throws IOException {
        int n = Math.max(1, Math.min(window, searcher.getIndexReader().maxDoc()));
        CollectorManager<?, ? extends TopDocs> top;
        boolean byDate = req.sort() == SearchSort.DATE;
        if (byDate) {
            SortField byDay = new SortField(SearchFields.DAY, SortField.Type.LONG, true);
            byDay.setMissingValue(Long.MIN_VALUE);
            top = new TopFieldCollectorManager(new Sort(byDay, SortField.FIELD_SCORE), n, null, Integer.MAX_VALUE);
        } else {
            top = new TopScoreDocCollectorManager(n, null, Integer.MAX_VALUE);
        }
        FacetOrdinals ordinals = searcher.facetOrdinals();
        Found found;
        if (ordinals == null) {
            found = new Found(searcher.search(q, top), null);
        } else {
            Object[] both = searcher.search(q, new MultiCollectorManager(top, ordinals.counter()));
            found = new Found((TopDocs) both[0], (int[]) both[1]);
        }
        if (byDate) { // newest first, each hit with its score (the API shows it)
            TopFieldCollector.populateScores(found.topDocs().scoreDocs, searcher, q);
        }
        return found;
    }

    /**
     * The query with the request's filters (each filter's values are alternatives) and what the person may not see
     * taken out: the types they may not find and, unless allowed, archived hits. Those two are exclusions of the few
     * documents concerned rather than filters that every hit must pass (type is material, archived is false): a
     * filter matching nearly every document is checked for every hit.
     */
    static Query restricted(Query main, SearchRequest req, Visibility visibility) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(main, Occur.MUST);
        for (String type : SearchFields.TYPES) {
            if (!visibility.types().contains(type)) {
                b.add(new TermQuery(new Term(SearchFields.TYPE, type)), Occur.MUST_NOT);
            }
        }
        anyOf(b, SearchFields.CATEGORY, req.categories());
        anyOf(b, SearchFields.TAG, req.tags());
        anyOf(b, SearchFields.TYPE, req.types());
        if (req.from() != null || req.to() != null) {
            long from = req.from() == null ? Long.MIN_VALUE : req.from().toEpochDay();
            long to = req.to() == null ? Long.MAX_VALUE : req.to().toEpochDay();
            b.add(LongPoint.newRangeQuery(SearchFields.DAY, from, to), Occur.FILTER);
        }
        if (!visibility.archived()) {
            b.add(new TermQuery(new Term(SearchFields.ARCHIVED, "true")), Occur.MUST_NOT);
        }
        return b.build();
    }

    private static void anyOf(BooleanQuery.Builder b, String field, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        BooleanQuery.Builder or = new BooleanQuery.Builder();
        values.forEach(v -> or.add(new TermQuery(new Term(field, v)), Occur.SHOULD));
        b.add(or.build(), Occur.FILTER);
    }

    private List<SearchHit> hits(IndexSearcher searcher, Query query, ScoreDoc[] page) throws IOException {
        if (page.length == 0) {
            return List.of();
        }
        // What each hit shows and its body text, from their doc values, read in the order of the documents (doc
        // values are read forwards only), for the hit and for the highlighter alike.
        int[] docs = new int[page.length];
        for (int i = 0; i < page.length; i++) {
            docs[i] = page[i].doc;
        }
        Map<Integer, Document> shown = new HashMap<>();
        Map<Integer, CharSequence> texts = new HashMap<>();
        int[] inOrder = docs.clone();
        Arrays.sort(inOrder);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = null;
        BinaryDocValues shownValues = null;
        BinaryDocValues bodies = null;
        for (int doc : inOrder) {
            LeafReaderContext in = leaves.get(ReaderUtil.subIndex(doc, leaves));
            if (in != leaf) {
                leaf = in;
                shownValues = in.reader().getBinaryDocValues(SearchFields.SHOWN);
                bodies = in.reader().getBinaryDocValues(SearchFields.TEXT);
            }
            int local = doc - in.docBase;
            shown.put(doc, shownValues != null && shownValues.advanceExact(local)
                    ? HitFields.read(shownValues.binaryValue()) : new Document());
            texts.put(doc, bodies != null && bodies.advanceExact(local)
                    ? MaterialDocuments.body(bodies.binaryValue()) : "");
        }
        Document[] stored = new Document[page.length];
        for (int i = 0; i < page.length; i++) {
            stored[i] = shown.get(docs[i]);
        }
        String[] snippets = highlight(searcher, query, docs, texts);
        List<SearchHit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            Document d = stored[i];
            String date = d.get(SearchFields.DATE);
            String type = d.get(SearchFields.TYPE);
            String sourceId = d.get(SearchFields.SOURCE_ID);
            String anchor = d.get(SearchFields.ANCHOR);
            hits.add(new SearchHit(d.get(SearchFields.ID), type, sourceId, d.get(SearchFields.TITLE),
                    d.get(SearchFields.HEADING), anchor, Links.of(type, sourceId, anchor),
                    d.get(SearchFields.CATEGORY), List.of(d.getValues(SearchFields.TAG)),
                    date == null ? null : LocalDate.parse(date), snippets[i] == null ? "" : snippets[i],
                    Float.isNaN(page[i].score) ? 0f : page[i].score, "true".equals(d.get(SearchFields.ARCHIVED)),
                    d.get(SearchFields.QUESTION_TYPE)));
        }
        return hits;
    }

    private String[] highlight(IndexSearcher searcher, Query query, int[] docs, Map<Integer, CharSequence> texts)
            throws IOException {
        UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, index.analyzers().index())
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "…", true))
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(new SentenceBreaks(),
                        SNIPPET_LENGTH, 0.33f))
                .withMaxNoHighlightPassages(1)
                .withScorer(SCORER);
        // The body's words are found by the query's clauses on its two indexed views (bigrams and dictionary terms,
        // both with offsets into the stored text); BodyOffsets reads them from the postings (see there).
        List<BodyOffsets.Mark> marks = BodyOffsets.marks(query, BODY_FIELDS);
        UnifiedHighlighter highlighter = new UnifiedHighlighter(builder) {
            @Override
            protected FieldHighlighter getFieldHighlighter(String field, Query q, Set<Term> allTerms,
                                                           int maxPassages) {
                UHComponents components = getHighlightComponents(field, new MatchNoDocsQuery(), Set.of());
                return newFieldHighlighter(field, new BodyOffsets(components, marks), getBreakIterator(field),
                        getScorer(field), maxPassages, getMaxNoHighlightPassages(field), getFormatter(field),
                        getPassageSortComparator(field));
            }

            /** The texts read with the hits from their doc values, instead of the stored fields Lucene would read. */
            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter,
                                                           int cacheCharsThreshold) throws IOException {
                List<CharSequence[]> out = new ArrayList<>();
                for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
                    CharSequence[] values = new CharSequence[fields.length];
                    for (int f = 0; f < fields.length; f++) {
                        values[f] = SearchFields.TEXT.equals(fields[f]) ? texts.get(doc) : null;
                    }
                    out.add(values);
                }
                return out;
            }
        };
        Map<String, String[]> out = highlighter.highlightFields(new String[] {SearchFields.TEXT}, query, docs,
                new int[] {2});
        return out.get(SearchFields.TEXT);
    }

    private static Map<String, List<FacetCount>> facets(SearchIndex.Searcher searcher, Found result) {
        Map<String, List<FacetCount>> out = new LinkedHashMap<>();
        FacetOrdinals ordinals = searcher.facetOrdinals();
        int[] counts = result.counts();
        if (ordinals == null || counts == null) {
            return out;
        }
        for (String dim : SearchResults.FACETS) {
            List<FacetCount> values = new ArrayList<>(ordinals.top(counts, dim, FACET_VALUES));
            if (SearchFields.YEAR.equals(dim)) {
                values.sort((a, b) -> b.value().compareTo(a.value()));
            }
            out.put(dim, values);
        }
        return out;
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
