package org.mingze.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.mingze.library.IndexableMaterial;
import org.mingze.search.FacetCount;
import org.mingze.search.SearchResults;

class FacetOrdinalsTest {

    private static final List<String> CATEGORIES = List.of("党内法规解读", "学习辅导", "工作方法", "警示案例", "业务知识");
    private static final List<String> TAGS = List.of("主体责任", "一岗双责", "三会一课", "问责", "责任清单", "廉政风险防控",
            "监督责任", "第一责任人");

    private static IndexableMaterial material(Random random, int i) {
        List<String> tags = new ArrayList<>();
        for (String t : TAGS) {
            if (random.nextInt(3) == 0) {
                tags.add(t);
            }
        }
        // some materials without category, tags or date: documents without some facet values
        String category = i % 11 == 0 ? null : CATEGORIES.get(random.nextInt(CATEGORIES.size()));
        LocalDate date = i % 7 == 0 ? null : LocalDate.of(2019 + random.nextInt(8), 1 + random.nextInt(12), 1);
        return new IndexableMaterial("t/m" + i, "材料" + i, category, tags, date, null, false,
                List.of(new IndexableMaterial.Section("", "", 0, i % 2 == 0 ? "支部学习主体责任" : "班子落实一岗双责")));
    }

    @Test
    void counts_the_same_values_in_the_same_order_as_lucene_over_several_segments_with_deletions() throws IOException {
        Random random = new Random(7);
        try (SearchIndex index = SearchIndex.inMemory(TestEngines.ANALYZERS)) {
            List<IndexableMaterial> all = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                all.add(material(random, i));
            }
            index.rebuild(SearchFields.TYPE_MATERIAL, all, m -> MaterialDocuments.documents(m, index.facetsConfig()),
                    SearchIndex.Progress.NONE);
            // every change is a commit of its own: new segments, and deleted documents in the old ones
            for (int i = 0; i < 12; i++) {
                IndexableMaterial changed = material(random, i * 9);
                index.replace(SearchFields.TYPE_MATERIAL, changed.id(),
                        MaterialDocuments.documents(changed, index.facetsConfig()));
            }
            index.delete(SearchFields.TYPE_MATERIAL, "t/m5");
            index.delete(SearchFields.TYPE_MATERIAL, "t/m50");

            SearchIndex.Searcher searcher = index.acquire();
            try {
                assertThat(searcher.getIndexReader().leaves()).hasSizeGreaterThan(1);
                assertThat(searcher.getIndexReader().hasDeletions()).isTrue();
                List<Query> queries = List.of(new MatchAllDocsQuery(),
                        new TermQuery(new Term(SearchFields.TAG, "问责")),
                        new TermQuery(new Term(SearchFields.CATEGORY, "工作方法")),
                        new TermQuery(new Term(SearchFields.TEXT + Analyzers.BIGRAM_SUFFIX, "双责")),
                        new TermQuery(new Term(SearchFields.TEXT + Analyzers.BIGRAM_SUFFIX, "没有这个词")));
                for (Query q : queries) {
                    FacetsCollector hits = searcher.search(q, new FacetsCollectorManager());
                    SortedSetDocValuesFacetCounts lucene = new SortedSetDocValuesFacetCounts(searcher.facetState(),
                            hits);
                    int[] counts = searcher.search(q, searcher.facetOrdinals().counter());
                    for (String dim : SearchResults.FACETS) {
                        // few values per dimension here, so also check a cut below their number
                        for (int max : new int[] {3, 30}) {
                            assertThat(searcher.facetOrdinals().top(counts, dim, max)).as(q + " " + dim + " " + max)
                                    .isEqualTo(expected(lucene, dim, max));
                        }
                    }
                }
                assertThat(searcher.facetOrdinals().top(new int[searcher.facetState().getSize()], "nosuchdim", 30))
                        .isEmpty();
            } finally {
                index.release(searcher);
            }
        }
    }

    private static List<FacetCount> expected(SortedSetDocValuesFacetCounts lucene, String dim, int max)
            throws IOException {
        FacetResult r = lucene.getTopChildren(max, dim);
        List<FacetCount> out = new ArrayList<>();
        if (r != null) {
            for (LabelAndValue lv : r.labelValues) {
                out.add(new FacetCount(lv.label, lv.value.intValue()));
            }
        }
        return out;
    }
}
