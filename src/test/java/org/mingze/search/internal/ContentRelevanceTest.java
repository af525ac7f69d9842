package org.mingze.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mingze.library.IndexableMaterial;
import org.mingze.library.internal.MaterialParser;
import org.mingze.search.SearchHit;
import org.mingze.search.SearchRequest;
import org.mingze.search.SearchResults;

/**
 * Relevance over the project's own study materials ({@code content/materials}, parsed by the library's
 * {@link MaterialParser} as the app does) with the app's vocabulary (built-in merged with {@code content/search}).
 * The judged queries are in {@code search/content-judgements.txt}: exact domain terms, synonyms and abbreviations
 * from {@code content/search/synonyms.txt}, quoted phrases, two-term queries, traditional characters, and queries
 * that must find nothing. Asserts recall@10 >= 0.9 and MRR >= 0.8 and prints nDCG@10 overall and per kind.
 */
class ContentRelevanceTest {

    static final Path CONTENT = Path.of("content");
    static final String JUDGEMENTS = "/search/content-judgements.txt";

    private static List<IndexableMaterial> materials;
    private static Set<String> documentIds;
    private static SearchEngine engine;

    @BeforeAll
    static void index() throws IOException {
        materials = load(CONTENT.resolve("materials"));
        SearchIndex index = SearchIndex.inMemory(new Analyzers(DomainDictionary.load(CONTENT.resolve("search"))));
        index.rebuild(SearchFields.TYPE_MATERIAL, materials,
                m -> MaterialDocuments.documents(m, index.facetsConfig()), SearchIndex.Progress.NONE);
        documentIds = new LinkedHashSet<>();
        for (IndexableMaterial m : materials) {
            for (Document d : MaterialDocuments.documents(m, index.facetsConfig())) {
                documentIds.add(d.get(SearchFields.ID));
            }
        }
        engine = new SearchEngine(index);
    }

    @AfterAll
    static void close() {
        engine.index().close();
    }

    /** Every .md file under the folder, parsed as the library parses it; a file that does not parse fails the test. */
    static List<IndexableMaterial> load(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        List<IndexableMaterial> out = new ArrayList<>();
        for (Path file : files) {
            String rel = folder.relativize(file).toString().replace('\\', '/');
            MaterialParser.Result r = MaterialParser.parse(rel, "content/materials/" + rel, Files.readAllBytes(file));
            assertThat(r.problems()).as(rel).isEmpty();
            out.add(r.material().indexable(false));
        }
        return out;
    }

    private static SearchResults search(String q) {
        return engine.search(new SearchRequest(q, List.of(), List.of(), List.of(), null, null, null, 1, 10), false);
    }

    @Test
    void every_material_is_indexed_and_every_judged_section_exists() throws IOException {
        assertThat(materials).hasSizeGreaterThanOrEqualTo(34);
        List<String> unknown = new ArrayList<>();
        for (SearchRelevanceTest.Judged j : SearchRelevanceTest.judgements(JUDGEMENTS)) {
            j.grades().keySet().stream().filter(id -> !documentIds.contains(id)).forEach(id -> unknown.add(
                    j.query() + " -> " + id));
        }
        assertThat(unknown).as("judged ids that are no section of content/materials").isEmpty();
    }

    @Test
    void judged_queries_over_the_study_materials_find_what_they_should_and_rank_it_high() throws IOException {
        List<SearchRelevanceTest.Judged> judged = SearchRelevanceTest.judgements(JUDGEMENTS);
        assertThat(judged).hasSizeGreaterThanOrEqualTo(36);
        Map<String, double[]> byKind = new LinkedHashMap<>();
        double[] all = new double[4];
        List<String> report = new ArrayList<>();
        List<String> foundSomething = new ArrayList<>();
        for (SearchRelevanceTest.Judged j : judged) {
            SearchResults r = search(j.query());
            assertThat(r.problem()).as(j.query()).isNull();
            List<String> ids = r.hits().stream().map(SearchHit::id).toList();
            if (j.grades().isEmpty()) {
                if (r.total() > 0) {
                    foundSomething.add(j.query() + " -> " + ids);
                }
                report.add(String.format("%-11s %-16s nothing expected, total %d", j.kind(), j.query(), r.total()));
                continue;
            }
            double recall = (double) j.grades().keySet().stream().filter(ids::contains).count() / j.grades().size();
            double rr = 0;
            for (int i = 0; i < ids.size(); i++) {
                if (j.grades().containsKey(ids.get(i))) {
                    rr = 1.0 / (i + 1);
                    break;
                }
            }
            double ndcg = SearchRelevanceTest.ndcg(ids, j.grades());
            for (double[] k : List.of(all, byKind.computeIfAbsent(j.kind(), x -> new double[4]))) {
                k[0] += recall;
                k[1] += rr;
                k[2] += ndcg;
                k[3]++;
            }
            report.add(String.format("%-11s %-16s recall %.2f  rr %.2f  nDCG %.2f  %s", j.kind(), j.query(), recall,
                    rr, ndcg, ids));
        }
        System.out.println("Search relevance over content/materials, " + judged.size() + " judged queries ("
                + (int) all[3] + " with relevant sections):");
        report.forEach(line -> System.out.println("  " + line));
        byKind.forEach((kind, k) -> System.out.printf("  %-11s recall@10 %.3f  MRR %.3f  nDCG@10 %.3f  (%d)%n", kind,
                k[0] / k[3], k[1] / k[3], k[2] / k[3], (int) k[3]));
        System.out.printf("  ALL         recall@10 %.3f  MRR %.3f  nDCG@10 %.3f  (%d)%n", all[0] / all[3],
                all[1] / all[3], all[2] / all[3], (int) all[3]);

        assertThat(foundSomething).as("queries that should find nothing").isEmpty();
        assertThat(all[0] / all[3]).as("recall@10").isGreaterThanOrEqualTo(0.9);
        assertThat(all[1] / all[3]).as("MRR").isGreaterThanOrEqualTo(0.8);
    }

    /**
     * The issue's "done when": a learner searching 一岗双责, then 两个责任, then 主體責任 gets as the top hit the
     * section that defines or explains the term, with the term highlighted in its snippet.
     */
    static Stream<Arguments> learnerQueries() {
        return Stream.of(
                Arguments.of("一岗双责", "一岗双责", Set.of("zhuti/yigang-shuangze-jiedu#一什么是一岗双责",
                        "zhuti/zhuti-zeren-neihan#三班子成员的一岗双责")),
                Arguments.of("两个责任", "两个责任", Set.of("zhuti/liangge-zeren#一什么是两个责任")),
                Arguments.of("主體責任", "主体责任", Set.of("zhuti/zhuti-zeren-neihan#一主体责任从哪里来",
                        "zhuti/zhuti-zeren-neihan#二主体责任的三个组成部分", "zhuti/liangge-zeren#二主体责任管什么")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learnerQueries")
    void a_learner_lands_on_the_section_that_explains_the_term_with_it_highlighted(String query, String shown,
                                                                                   Set<String> defining) {
        SearchResults r = search(query);
        assertThat(r.hits()).as(query).isNotEmpty();
        SearchHit top = r.hits().get(0);
        assertThat(top.id()).as("top hit for " + query).isIn(defining);
        assertThat(top.anchor()).isNotEmpty();
        assertThat(top.url()).contains("#");
        // adjacent highlights (a term matched as several pieces) read as one
        assertThat(top.snippet().replace("</mark><mark>", "")).as("snippet of " + top.id())
                .contains("<mark>" + shown + "</mark>");
    }
}
