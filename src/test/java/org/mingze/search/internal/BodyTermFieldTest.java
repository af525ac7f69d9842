package org.mingze.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The body's dictionary-term field (index format 6) must find exactly what the phrase of a term's bigrams finds,
 * since a query uses one in place of the other.
 */
class BodyTermFieldTest {

    private static final Path CONTENT = Path.of("content");
    private static Analyzers analyzers;
    private static SearchIndex index;

    @BeforeAll
    static void index() throws IOException {
        analyzers = new Analyzers(DomainDictionary.load(CONTENT.resolve("search")));
        index = SearchIndex.inMemory(analyzers);
        index.rebuild(SearchFields.TYPE_MATERIAL, ContentRelevanceTest.load(CONTENT.resolve("materials")),
                m -> MaterialDocuments.documents(m, index.facetsConfig()), SearchIndex.Progress.NONE);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void every_occurrence_of_a_dictionary_term_is_a_token_nested_and_overlapping_ones_included() {
        assertThat(Analyzers.terms(analyzers.termsIndex(), "全面从严治党主体责任，落实一岗双责。"))
                .contains("全面从严治党", "从严治党", "主体责任", "一岗双责")
                .doesNotContain("责任", "落实"); // two characters are one bigram already; not a dictionary term
        assertThat(Analyzers.terms(analyzers.termsIndex(), "主體責任")).as("folded first").contains("主体责任");
        assertThat(Analyzers.terms(analyzers.termsIndex(), "主体\n责任")).as("not across a break").isEmpty();
    }

    @Test
    void each_term_of_the_field_finds_the_same_sections_as_the_phrase_of_its_bigrams() throws IOException {
        List<String> checked = new ArrayList<>();
        IndexSearcher searcher = index.acquire();
        try {
            for (String term : analyzers.dictionary().terms()) {
                if (!analyzers.inTermField(term)) {
                    continue;
                }
                List<String> bigrams = Analyzers.terms(analyzers.bigramsQuery(), term);
                Query phrase = new PhraseQuery(SearchFields.TEXT + Analyzers.BIGRAM_SUFFIX,
                        bigrams.toArray(String[]::new));
                Query single = new TermQuery(new Term(SearchFields.TEXT + Analyzers.TERM_SUFFIX, term));
                assertThat(docs(searcher, single)).as(term).isEqualTo(docs(searcher, phrase));
                checked.add(term);
            }
        } finally {
            index.release((SearchIndex.Searcher) searcher);
        }
        assertThat(checked).as("terms of three or more characters in the dictionary").hasSizeGreaterThan(100);
    }

    private static Set<Integer> docs(IndexSearcher searcher, Query q) throws IOException {
        Set<Integer> out = new HashSet<>();
        for (ScoreDoc d : searcher.search(q, 10_000).scoreDocs) {
            out.add(d.doc);
        }
        return out;
    }
}
