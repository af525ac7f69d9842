package org.mingze.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mingze.quiz.IndexableQuestion;
import org.mingze.quiz.QuestionType;
import org.mingze.search.FacetCount;
import org.mingze.search.SearchFixtures;
import org.mingze.search.SearchHit;
import org.mingze.search.SearchRequest;
import org.mingze.search.SearchResults;
import org.mingze.search.SearchSort;

/** Questions next to material sections in one index: what a question hit is, and who finds it. */
class QuestionSearchEngineTest {

    /** Organisers and auditors: questions in use, no archived or retired documents. */
    private static final SearchEngine.Visibility STAFF = new SearchEngine.Visibility(true, false);
    private static final SearchEngine.Visibility ADMIN = new SearchEngine.Visibility(true, true);
    private static final SearchEngine.Visibility LEARNER = SearchEngine.Visibility.materials(false);

    private static SearchEngine engine;

    @BeforeAll
    static void index() {
        SearchIndex index = SearchIndex.inMemory(TestEngines.ANALYZERS);
        index.rebuild(List.of(
                new SearchIndex.Batch<>(SearchFields.TYPE_MATERIAL, SearchFixtures.corpus(),
                        m -> MaterialDocuments.documents(m, index.facetsConfig())),
                new SearchIndex.Batch<>(SearchFields.TYPE_QUESTION, SearchFixtures.questions(),
                        q -> QuestionDocuments.documents(q, index.facetsConfig()))), SearchIndex.Progress.NONE);
        engine = new SearchEngine(index);
    }

    @AfterAll
    static void close() {
        engine.index().close();
    }

    private static SearchResults search(SearchRequest request, SearchEngine.Visibility visibility) {
        return engine.search(request, visibility);
    }

    private static SearchResults search(String q, SearchEngine.Visibility visibility) {
        return search(SearchRequest.of(q), visibility);
    }

    private static List<String> ids(SearchResults r) {
        return r.hits().stream().map(SearchHit::id).toList();
    }

    private static SearchHit hit(SearchResults r, String id) {
        return r.hits().stream().filter(h -> h.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not among " + ids(r)));
    }

    @Test
    void a_question_hit_shows_the_stem_shortened_the_bank_and_links_to_the_bank_editor() {
        SearchHit h = hit(search("业务工作", STAFF), "sq-001");
        assertThat(h.type()).isEqualTo("question");
        assertThat(h.isQuestion()).isTrue();
        assertThat(h.sourceId()).isEqualTo("sq-001");
        assertThat(h.title()).hasSize(QuestionDocuments.TITLE_LENGTH).endsWith("…")
                .startsWith("领导班子成员履行岗位职责时，除了抓好自己分管的业务工作以外");
        assertThat(h.heading()).isEqualTo(SearchFixtures.BANK);
        assertThat(h.url()).isEqualTo("quiz/questions/sq-001");
        assertThat(h.anchor()).isEmpty();
        assertThat(h.questionType()).isEqualTo("single");
        assertThat(h.category()).isEqualTo("制度规定");
        assertThat(h.tags()).containsExactly("一岗双责");
        assertThat(h.date()).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(h.archived()).isFalse();
        assertThat(h.snippet().replace("</mark><mark>", "")).contains("<mark>业务工作</mark>");
    }

    @Test
    void the_options_are_searched_and_highlighted_too() {
        SearchResults r = search(SearchRequest.of("谈心谈话").withTypes(List.of("question")), STAFF);
        assertThat(ids(r)).containsExactly("sq-004");
        assertThat(r.hits().get(0).snippet()).contains("<mark>谈心谈话</mark>").contains("A. ");
    }

    @Test
    void a_question_is_found_by_its_bank_and_its_tags() {
        assertThat(ids(search("搜索测试题库", STAFF))).containsExactlyInAnyOrder("sq-001", "sq-002", "sq-004");
        // sq-002 does not say 三会一课 in its stem; its tag does
        assertThat(ids(search(SearchRequest.of("三会一课").withTypes(List.of("question")), STAFF)))
                .containsExactly("sq-002");
    }

    @Test
    void learners_get_no_question_hits_not_even_when_they_ask_for_questions() {
        assertThat(search("搜索测试题库", LEARNER).total()).isZero();
        assertThat(search(SearchRequest.of("三会一课").withTypes(List.of("question")), LEARNER).total()).isZero();
        SearchResults r = search("组织生活", LEARNER);
        assertThat(r.hits()).isNotEmpty().noneMatch(SearchHit::isQuestion);
        assertThat(r.facets().get("type")).extracting(FacetCount::value).containsExactly("material");
        assertThat(search(SearchRequest.of("").withCategories(List.of("组织生活")), LEARNER).hits())
                .noneMatch(SearchHit::isQuestion);
    }

    @Test
    void the_type_facet_counts_both_types_and_the_type_filter_picks_one() {
        SearchResults all = search("组织生活", STAFF);
        List<FacetCount> types = all.facets().get("type");
        assertThat(types).extracting(FacetCount::value).containsExactlyInAnyOrder("material", "question");
        assertThat(types.stream().mapToInt(FacetCount::count).sum()).isEqualTo(all.total());
        int questions = types.stream().filter(f -> f.value().equals("question")).findFirst().orElseThrow().count();
        assertThat(questions).isEqualTo(2); // sq-002, sq-004; sq-003 is retired

        SearchResults onlyQuestions = search(SearchRequest.of("组织生活").withTypes(List.of("question")), STAFF);
        assertThat(ids(onlyQuestions)).containsExactlyInAnyOrder("sq-002", "sq-004");
        SearchResults onlyMaterials = search(SearchRequest.of("组织生活").withTypes(List.of("material")), STAFF);
        assertThat(onlyMaterials.hits()).isNotEmpty().noneMatch(SearchHit::isQuestion);
        assertThat(onlyMaterials.total() + onlyQuestions.total()).isEqualTo(all.total());
    }

    @Test
    void category_and_tag_filters_and_facets_work_across_both_types() {
        SearchResults byCategory = search(SearchRequest.of("").withCategories(List.of("组织生活")), STAFF);
        assertThat(ids(byCategory)).contains("sq-002", "sq-004", "zuzhi/zhuti-dangri")
                .allSatisfy(id -> assertThat(hit(byCategory, id).category()).isEqualTo("组织生活"));
        SearchResults byTag = search(SearchRequest.of("").withTags(List.of("一岗双责")), STAFF);
        assertThat(byTag.hits()).extracting(SearchHit::sourceId)
                .contains("sq-001", "zhuti/yigang-shuangze").doesNotContain("jiu/zerenzhi-2019");
        SearchResults r = search("党课", STAFF);
        assertThat(r.facets().get("tag")).contains(new FacetCount("三会一课",
                (int) r.hits().stream().filter(h -> h.tags().contains("三会一课")).count()));
    }

    @Test
    void retired_questions_are_found_by_administrators_only() {
        SearchRequest q = SearchRequest.of("苗头性问题");
        assertThat(search(q, STAFF).total()).isZero();
        SearchResults admin = search(q, ADMIN);
        assertThat(ids(admin)).containsExactly("sq-003");
        assertThat(admin.hits().get(0).archived()).isTrue();
        assertThat(admin.hits().get(0).questionType()).isEqualTo("fill");
    }

    @Test
    void the_section_that_explains_a_term_stays_above_the_questions_about_it() {
        SearchResults r = search("三会一课", STAFF);
        assertThat(r.hits().get(0).type()).isEqualTo("material");
        assertThat(ids(r)).contains("sq-002");
    }

    @Test
    void sorting_by_date_mixes_questions_by_the_day_they_last_changed() {
        SearchResults r = search(SearchRequest.of("").withCategories(List.of("组织生活")).withSort(SearchSort.DATE),
                STAFF);
        assertThat(r.hits()).extracting(SearchHit::date).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(r.hits().get(0).isQuestion()).isTrue(); // 2025-06-01, newer than every material of 组织生活
    }

    @Test
    void questions_add_nothing_to_the_suggestions_that_everyone_sees() {
        Suggester suggester = new Suggester(engine.index());
        assertThat(suggester.suggest("领导班子成员", 8, true)).isEmpty();
        assertThat(suggester.suggest("开好组织生活会", 8, true)).doesNotContain("开好组织生活会，会前应当做好哪些准备？");
    }

    @Test
    void a_title_is_the_stem_on_one_line_cut_with_an_ellipsis() {
        assertThat(QuestionDocuments.title("短题干？")).isEqualTo("短题干？");
        assertThat(QuestionDocuments.title("第一行\n  第二行")).isEqualTo("第一行 第二行");
        String long41 = "一".repeat(41);
        assertThat(QuestionDocuments.title(long41)).isEqualTo("一".repeat(39) + "…");
        assertThat(QuestionDocuments.title("一".repeat(40))).isEqualTo("一".repeat(40));
        // a character outside the basic plane is not split in half
        assertThat(QuestionDocuments.title("𠀀".repeat(41))).isEqualTo("𠀀".repeat(39) + "…");
    }

    @Test
    void a_question_document_holds_stem_and_options_and_changes_its_fingerprint_with_them() {
        IndexableQuestion q = SearchFixtures.question("sq-9", QuestionType.SINGLE, "题干", List.of("甲", "乙"),
                "测试", List.of(), false);
        assertThat(QuestionDocuments.text(q.stem(), q.options())).isEqualTo("题干\nA. 甲\nB. 乙");
        IndexableQuestion retired = SearchFixtures.question("sq-9", QuestionType.SINGLE, "题干", List.of("甲", "乙"),
                "测试", List.of(), true);
        IndexableQuestion otherOption = SearchFixtures.question("sq-9", QuestionType.SINGLE, "题干",
                List.of("甲", "丙"), "测试", List.of(), false);
        assertThat(QuestionDocuments.fingerprint(q)).isEqualTo(QuestionDocuments.fingerprint(
                SearchFixtures.question("sq-9", QuestionType.SINGLE, "题干", List.of("甲", "乙"), "测试", List.of(),
                        false)))
                .isNotEqualTo(QuestionDocuments.fingerprint(retired))
                .isNotEqualTo(QuestionDocuments.fingerprint(otherOption));
    }
}
