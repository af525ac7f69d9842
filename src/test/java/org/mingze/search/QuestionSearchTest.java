package org.mingze.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.TestData;
import org.mingze.library.internal.LibraryContent;
import org.mingze.quiz.AnswerKey;
import org.mingze.quiz.Question;
import org.mingze.quiz.QuestionService;
import org.mingze.quiz.Questions;
import org.mingze.quiz.QuizFixtures;
import org.mingze.quiz.QuizTest;
import org.mingze.quiz.internal.QuizContent;
import org.mingze.search.internal.SearchIndexer;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The real question bank and the search index together: a question saved, edited, retired or restored in the bank
 * is in the index (or gone) within a second of the save, and what is indexed never holds its answer or explanation.
 */
@MingzeTest
@QuizTest
class QuestionSearchTest {

    private static final String SOURCE = "zhuti/diyi-zeren#一什么是第一责任人";

    @Autowired
    QuestionService questions;
    @Autowired
    SearchService search;
    @Autowired
    SearchIndexer indexer;
    @Autowired
    QuizContent content;
    @Autowired
    LibraryContent library;
    @Autowired
    TestData data;

    @BeforeEach
    void fixtures() throws Exception {
        QuizFixtures.install(library, content);
        indexer.awaitIdle();
    }

    @AfterEach
    void signOut() {
        data.signOut();
    }

    /** Hits of an exact phrase (quoted, so that a multi-word query is never relaxed to some of its words). */
    private long phrase(String who, String text) {
        data.signIn(who);
        return search.search(SearchRequest.of("\"" + text + "\"")).total();
    }

    /** Milliseconds until {@code condition} holds for the phrase's hit count, or -1 after two seconds. */
    private long millisUntil(String who, String text, LongPredicate condition) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < 2_000_000_000L) {
            if (condition.test(phrase(who, text))) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            Thread.sleep(10);
        }
        return -1;
    }

    @Test
    void a_saved_question_is_searchable_within_a_second_and_neither_its_answer_nor_its_explanation_ever() throws Exception {
        data.signIn("lihm");
        String id = "srch-" + TestData.next();
        questions.save(Questions.fill().id(id).bank("搜索联调题库").stem("开展廉洁家访时，应当同步建立___。")
                .answer(new AnswerKey.Blanks(List.of(List.of("家庭助廉档案")))).explanation("家访记录要归入助廉台账备查。")
                .tags("廉洁家访").source(SOURCE).build());

        long millis = millisUntil("lihm", "廉洁家访时", n -> n == 1);
        assertThat(millis).as("milliseconds until searchable").isBetween(0L, 999L);
        data.signIn("lihm");
        SearchHit hit = search.search(SearchRequest.of("廉洁家访").withTypes(List.of("question"))).hits().stream()
                .filter(h -> h.id().equals(id)).findFirst().orElseThrow();
        assertThat(hit.url()).isEqualTo("quiz/questions/" + id);
        assertThat(hit.heading()).isEqualTo("搜索联调题库");
        assertThat(hit.questionType()).isEqualTo("fill");
        assertThat(hit.snippet()).contains("<mark>").doesNotContain("家庭助廉档案", "助廉台账", "备查");

        for (String who : List.of("lihm", "guolx", "admin")) {
            assertThat(phrase(who, "家庭助廉档案")).as(who + ": the answer").isZero();
            assertThat(phrase(who, "助廉台账")).as(who + ": the explanation").isZero();
        }
        assertThat(phrase("guolx", "廉洁家访时")).as("an auditor").isEqualTo(1);
        assertThat(phrase("wangzh", "廉洁家访时")).as("a learner").isZero();
    }

    @Test
    void an_edit_replaces_the_old_text_and_a_retired_question_is_for_administrators_only() throws Exception {
        data.signIn("zhouxy");
        String id = "srch-" + TestData.next();
        Question v1 = questions.save(Questions.single().id(id).bank("搜索联调题库")
                .stem("季度廉情分析会由谁主持？").source(SOURCE).build());
        assertThat(millisUntil("zhouxy", "季度廉情分析会", n -> n == 1)).isBetween(0L, 999L);

        data.signIn("zhouxy");
        questions.save(Questions.from(v1).stem("半年廉情研判会由谁主持？").build());
        assertThat(millisUntil("zhouxy", "半年廉情研判会", n -> n == 1)).isBetween(0L, 999L);
        assertThat(phrase("zhouxy", "季度廉情分析会")).as("the old version's text").isZero();

        data.signIn("zhouxy");
        questions.retire(id);
        assertThat(millisUntil("zhouxy", "半年廉情研判会", n -> n == 0)).as("gone for the organiser")
                .isBetween(0L, 999L);
        assertThat(phrase("guolx", "半年廉情研判会")).as("an auditor").isZero();
        data.signIn("admin");
        assertThat(search.search(SearchRequest.of("\"半年廉情研判会\"")).hits()).singleElement()
                .satisfies(h -> assertThat(h.archived()).isTrue());

        data.signIn("zhouxy");
        questions.restore(id);
        assertThat(millisUntil("zhouxy", "半年廉情研判会", n -> n == 1)).as("back after restoring").isBetween(0L, 999L);
    }
}
