package org.mingze.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mingze.library.IndexableMaterial;
import org.mingze.search.SearchFixtures;
import org.mingze.search.SearchHit;
import org.mingze.search.SearchRequest;
import org.mingze.search.SearchResults;

/**
 * Relevance over judged queries ({@code search/judgements.txt}) on the fixture corpus: exact terms, abbreviations,
 * phrases, two-term queries, near-synonyms, traditional characters, words smartcn does not know, and queries that
 * must find nothing. Asserts
 * recall@10 >= 0.9 and MRR >= 0.8, and prints nDCG@10 per kind.
 */
class SearchRelevanceTest {

    record Judged(String kind, String query, Map<String, Integer> grades) {
    }

    private static SearchEngine engine;

    @BeforeAll
    static void index() {
        engine = TestEngines.engine(SearchFixtures.corpus());
    }

    @AfterAll
    static void close() {
        engine.index().close();
    }

    @Test
    void judged_queries_find_what_they_should_and_rank_it_high() throws IOException {
        List<Judged> judged = judgements();
        assertThat(judged).hasSizeGreaterThanOrEqualTo(30);
        double recallSum = 0;
        double rrSum = 0;
        double ndcgSum = 0;
        int counted = 0;
        Map<String, double[]> byKind = new LinkedHashMap<>();
        List<String> report = new ArrayList<>();
        List<String> foundSomething = new ArrayList<>();
        for (Judged j : judged) {
            SearchResults r = engine.search(new SearchRequest(j.query, List.of(), List.of(), List.of(), null, null,
                    null, 1, 10), false);
            List<String> ids = r.hits().stream().map(SearchHit::id).toList();
            if (j.grades.isEmpty()) {
                if (r.total() > 0) {
                    foundSomething.add(j.query + " -> " + ids);
                }
                report.add(String.format("%-13s %-22s nothing expected, total %d", j.kind, j.query, r.total()));
                continue;
            }
            long found = j.grades.keySet().stream().filter(ids::contains).count();
            double recall = (double) found / j.grades.size();
            double rr = 0;
            for (int i = 0; i < ids.size(); i++) {
                if (j.grades.containsKey(ids.get(i))) {
                    rr = 1.0 / (i + 1);
                    break;
                }
            }
            double ndcg = ndcg(ids, j.grades);
            recallSum += recall;
            rrSum += rr;
            ndcgSum += ndcg;
            counted++;
            double[] k = byKind.computeIfAbsent(j.kind, x -> new double[4]);
            k[0] += recall;
            k[1] += rr;
            k[2] += ndcg;
            k[3]++;
            report.add(String.format("%-13s %-22s recall %.2f  rr %.2f  nDCG %.2f  %s", j.kind, j.query, recall, rr,
                    ndcg, ids));
        }
        double recall = recallSum / counted;
        double mrr = rrSum / counted;
        double ndcg = ndcgSum / counted;
        System.out.println("Search relevance over " + judged.size() + " judged queries (" + counted
                + " with relevant hits):");
        report.forEach(line -> System.out.println("  " + line));
        byKind.forEach((kind, k) -> System.out.printf("  %-13s recall@10 %.3f  MRR %.3f  nDCG@10 %.3f  (%d)%n", kind,
                k[0] / k[3], k[1] / k[3], k[2] / k[3], (int) k[3]));
        System.out.printf("  ALL           recall@10 %.3f  MRR %.3f  nDCG@10 %.3f%n", recall, mrr, ndcg);

        assertThat(foundSomething).as("queries that should find nothing").isEmpty();
        assertThat(recall).as("recall@10").isGreaterThanOrEqualTo(0.9);
        assertThat(mrr).as("MRR").isGreaterThanOrEqualTo(0.8);
    }

    /** nDCG@10 with gains 2^grade - 1. */
    static double ndcg(List<String> ranked, Map<String, Integer> grades) {
        double dcg = 0;
        for (int i = 0; i < Math.min(10, ranked.size()); i++) {
            int g = grades.getOrDefault(ranked.get(i), 0);
            dcg += (Math.pow(2, g) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        List<Integer> ideal = grades.values().stream().sorted((a, b) -> b - a).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(10, ideal.size()); i++) {
            idcg += (Math.pow(2, ideal.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    static List<Judged> judgements() throws IOException {
        return judgements("/search/judgements.txt");
    }

    /** Judged queries from a class-path resource: kind, query and graded ids, tab separated. */
    static List<Judged> judgements(String resource) throws IOException {
        List<Judged> out = new ArrayList<>();
        try (var in = SearchRelevanceTest.class.getResourceAsStream(resource);
             var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                Map<String, Integer> grades = new LinkedHashMap<>();
                if (!f[2].strip().equals("-")) {
                    for (String g : f[2].strip().split("\\s+")) {
                        int eq = g.lastIndexOf('=');
                        grades.put(g.substring(0, eq), Integer.parseInt(g.substring(eq + 1)));
                    }
                }
                out.add(new Judged(f[0], f[1], grades));
            }
        }
        return out;
    }

    /** Keeps the compiler honest about the corpus type. */
    static List<IndexableMaterial> corpus() {
        return SearchFixtures.corpus();
    }
}
