package org.mingze.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mingze.library.IndexableMaterial;
import org.mingze.quiz.IndexableQuestion;
import org.mingze.quiz.Question;
import org.mingze.quiz.internal.BankParser;
import org.mingze.search.SearchHit;
import org.mingze.search.SearchRequest;
import org.mingze.search.SearchResults;

/**
 * The judged queries of {@link ContentRelevanceTest} as an organiser runs them: over the project's own materials
 * and its whole question bank ({@code content/questions}) in one index. Question hits are not judged; here they
 * count as irrelevant places in the top ten, so the test measures how far the questions push the material sections
 * down ({@code SearchEngine.QUESTION_WEIGHT} keeps the explaining section first) while questions still show on the
 * first page. Learners never get question hits, so {@link ContentRelevanceTest} (material-only) stays the measure of
 * what they see.
 */
class ContentRelevanceWithQuestionsTest {

    private static SearchEngine engine;
    private static int questions;

    @BeforeAll
    static void index() throws IOException {
        List<IndexableMaterial> materials = ContentRelevanceTest.load(ContentRelevanceTest.CONTENT.resolve("materials"));
        List<IndexableQuestion> bank = bank(ContentRelevanceTest.CONTENT.resolve("questions"));
        questions = bank.size();
        SearchIndex index = SearchIndex.inMemory(new Analyzers(DomainDictionary.load(
                ContentRelevanceTest.CONTENT.resolve("search"))));
        index.rebuild(List.of(
                new SearchIndex.Batch<>(SearchFields.TYPE_MATERIAL, materials,
                        m -> MaterialDocuments.documents(m, index.facetsConfig())),
                new SearchIndex.Batch<>(SearchFields.TYPE_QUESTION, bank,
                        q -> QuestionDocuments.documents(q, index.facetsConfig()))), SearchIndex.Progress.NONE);
        engine = new SearchEngine(index);
    }

    @AfterAll
    static void close() {
        engine.index().close();
    }

    /** Every question of the bank files, as the bank's {@code QuestionSource} would hand it to search. */
    static List<IndexableQuestion> bank(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        List<IndexableQuestion> out = new ArrayList<>();
        for (Path file : files) {
            BankParser.Result r = BankParser.parse(file.getFileName().toString(), Files.readAllBytes(file));
            assertThat(r.problems()).as(file.toString()).isEmpty();
            for (BankParser.Parsed p : r.questions()) {
                Question q = p.question();
                out.add(new IndexableQuestion(q.id(), 1, q.bank(), q.category(), q.tags(), q.type(), q.stem(),
                        q.options(), q.source(), q.difficulty(), false, LocalDate.of(2026, 1, 1)));
            }
        }
        return out;
    }

    @Test
    void organisers_still_find_the_judged_sections_near_the_top_with_the_whole_bank_indexed() throws IOException {
        assertThat(questions).isGreaterThanOrEqualTo(200);
        List<SearchRelevanceTest.Judged> judged = SearchRelevanceTest.judgements(ContentRelevanceTest.JUDGEMENTS);
        double recall = 0;
        double mrr = 0;
        double ndcg = 0;
        int n = 0;
        int questionHits = 0;
        int firstIsQuestion = 0;
        List<String> report = new ArrayList<>();
        for (SearchRelevanceTest.Judged j : judged) {
            if (j.grades().isEmpty()) {
                continue;
            }
            SearchResults r = engine.search(new SearchRequest(j.query(), List.of(), List.of(), List.of(), null, null,
                    null, 1, 10), new SearchEngine.Visibility(true, false));
            List<String> ids = r.hits().stream().map(h -> h.isQuestion() ? "?" + h.id() : h.id()).toList();
            long q = r.hits().stream().filter(SearchHit::isQuestion).count();
            questionHits += (int) q;
            if (!r.hits().isEmpty() && r.hits().get(0).isQuestion()) {
                firstIsQuestion++;
            }
            double rec = (double) j.grades().keySet().stream().filter(ids::contains).count() / j.grades().size();
            double rr = 0;
            for (int i = 0; i < ids.size(); i++) {
                if (j.grades().containsKey(ids.get(i))) {
                    rr = 1.0 / (i + 1);
                    break;
                }
            }
            recall += rec;
            mrr += rr;
            ndcg += SearchRelevanceTest.ndcg(ids, j.grades());
            n++;
            report.add(String.format("%-11s %-16s recall %.2f  rr %.2f  questions %d  %s", j.kind(), j.query(), rec,
                    rr, q, ids));
        }
        System.out.println("Search relevance for organisers (materials and " + questions + " questions):");
        report.forEach(line -> System.out.println("  " + line));
        System.out.printf("  ALL recall@10 %.3f  MRR %.3f  nDCG@10 %.3f  (%d); question hits in the top 10: %.1f "
                + "per query; a question first: %d queries%n", recall / n, mrr / n, ndcg / n, n,
                (double) questionHits / n, firstIsQuestion);

        assertThat(firstIsQuestion).as("queries whose first hit is a question, not the section that explains it")
                .isLessThanOrEqualTo(1);
        assertThat(mrr / n).as("MRR").isGreaterThanOrEqualTo(0.95);
        assertThat(recall / n).as("recall@10 of the judged sections").isGreaterThanOrEqualTo(0.85);
        assertThat((double) questionHits / n).as("question hits in the top ten (they must not be buried either)")
                .isGreaterThanOrEqualTo(1.5);
    }
}
