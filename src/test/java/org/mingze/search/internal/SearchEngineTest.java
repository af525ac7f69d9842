package org.mingze.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mingze.library.IndexableMaterial;
import org.mingze.search.FacetCount;
import org.mingze.search.SearchFixtures;
import org.mingze.search.SearchHit;
import org.mingze.search.SearchMessage;
import org.mingze.search.SearchRequest;
import org.mingze.search.SearchResults;
import org.mingze.search.SearchSort;

class SearchEngineTest {

    private static SearchEngine engine;

    @BeforeAll
    static void index() {
        List<IndexableMaterial> corpus = new ArrayList<>(SearchFixtures.corpus());
        corpus.add(SearchFixtures.material("t/html", "标记<b>测试</b>", "测试",
                "正文含有<script>alert('x')</script>与谈心谈话记录"));
        corpus.add(SearchFixtures.material("t/head", "档案管理办法", "测试",
                "支部的台账要按月整理。台账由专人保管，年底移交。"));
        engine = TestEngines.engine(corpus);
    }

    @AfterAll
    static void close() {
        engine.index().close();
    }

    private static SearchResults search(String q) {
        return engine.search(SearchRequest.of(q), false);
    }

    private static List<String> ids(SearchResults r) {
        return r.hits().stream().map(SearchHit::id).toList();
    }

    @Test
    void an_exact_word_ranks_above_a_loose_character_match() {
        // 责任书 is one word in zerenshu; elsewhere 责任 only occurs inside other words or as characters
        SearchResults r = search("责任书");
        assertThat(ids(r).get(0)).isEqualTo("zhidu/zerenshu");
        SearchResults duty = search("责任");
        assertThat(duty.total()).isGreaterThan(5);
    }

    @Test
    void hits_carry_a_highlighted_snippet_and_a_link_to_the_section() {
        SearchHit hit = search("三会一课").hits().get(0);
        assertThat(hit.snippet()).contains("<mark>");
        assertThat(hit.id()).isEqualTo("zuzhi/sanhui-yike#neirong");
        assertThat(hit.url()).isEqualTo("library/read/zuzhi/sanhui-yike#neirong");
        assertThat(hit.title()).isEqualTo("严格落实“三会一课”制度");
        assertThat(hit.heading()).isEqualTo("三会一课的内容");
        assertThat(hit.category()).isEqualTo("组织生活");
        assertThat(hit.tags()).containsExactly("三会一课", "支部建设");
        assertThat(hit.date()).isEqualTo(LocalDate.of(2024, 2, 20));
        assertThat(hit.type()).isEqualTo("material");
    }

    @Test
    void a_traditional_query_highlights_the_simplified_text_and_vice_versa() {
        assertThat(search("主體責任").hits()).extracting(SearchHit::snippet)
                .anySatisfy(s -> assertThat(s).contains("<mark>主体责任</mark>"));
        assertThat(search("主体责任").hits()).extracting(SearchHit::snippet)
                .anySatisfy(s -> assertThat(s).contains("<mark>主體責任</mark>"));
    }

    @Test
    void a_word_found_only_in_the_title_does_not_stop_the_others_being_marked_in_the_text() {
        SearchHit hit = search("档案 台账").hits().get(0);
        assertThat(hit.id()).isEqualTo("t/head");
        assertThat(hit.snippet()).contains("<mark>台账</mark>").doesNotContain("<mark>档案");
    }

    @Test
    void the_highlighter_marks_the_body_clauses_of_the_query_and_not_its_exclusions_or_other_fields() {
        String bigramField = SearchFields.TEXT + Analyzers.BIGRAM_SUFFIX;
        String termField = SearchFields.TEXT + Analyzers.TERM_SUFFIX;
        Query term = new TermQuery(new Term(termField, "主体责任"));
        Query bigrams = new PhraseQuery(bigramField, "台账", "账要");
        Query query = new BooleanQuery.Builder()
                .add(new BooleanQuery.Builder()
                        .add(new BoostQuery(term, 3f), Occur.SHOULD)
                        .add(new TermQuery(new Term(SearchFields.HEAD, "台账")), Occur.SHOULD)
                        .add(bigrams, Occur.SHOULD).build(), Occur.MUST)
                .add(new TermQuery(new Term(SearchFields.HEAD, "档案")), Occur.MUST)
                .add(new TermQuery(new Term(bigramField, "问责")), Occur.MUST_NOT)
                .build();
        List<BodyOffsets.Mark> marks = BodyOffsets.marks(query, Set.of(bigramField, termField));
        assertThat(marks).extracting(BodyOffsets.Mark::field).containsExactly(termField, bigramField);
        assertThat(marks.get(0).terms()).containsExactly(new BytesRef("主体责任"));
        assertThat(marks.get(1).terms()).containsExactly(new BytesRef("台账"), new BytesRef("账要"));
        assertThat(marks.get(1).positions()).containsExactly(0, 1);
    }

    @Test
    void a_quoted_phrase_is_marked_as_a_whole_and_only_where_its_characters_stand_together() {
        SearchHit hit = search("\"党风廉政建设责任书\"").hits().get(0);
        assertThat(hit.snippet()).contains("<mark>党风廉政建设责任书</mark>");
        assertThat(hit.snippet().replace("<mark>党风廉政建设责任书</mark>", "")).doesNotContain("<mark>");
    }

    @Test
    void snippets_escape_html_from_the_text() {
        SearchHit hit = search("谈心谈话").hits().get(0);
        assertThat(hit.snippet()).contains("&lt;script&gt;").doesNotContain("<script>");
    }

    @Test
    void facets_count_category_tag_year_and_type_over_all_hits() {
        SearchResults r = search("主体责任");
        assertThat(r.facets().keySet()).containsExactly("category", "tag", "year", "type");
        assertThat(r.facets().get("type")).containsExactly(new FacetCount("material", (int) r.total()));
        assertThat(r.facets().get("category")).contains(new FacetCount("理论学习", 2));
        assertThat(r.facets().get("year").stream().map(FacetCount::value).toList())
                .isSortedAccordingTo((a, b) -> b.compareTo(a));
        int sum = r.facets().get("category").stream().mapToInt(FacetCount::count).sum();
        assertThat(sum).isEqualTo(r.total());
    }

    @Test
    void filters_narrow_the_hits_and_combine() {
        SearchRequest base = SearchRequest.of("主体责任");
        SearchResults theory = engine.search(base.withCategories(List.of("理论学习")), false);
        assertThat(theory.hits()).allSatisfy(h -> assertThat(h.category()).isEqualTo("理论学习"));
        assertThat(theory.total()).isEqualTo(2);
        SearchResults tagged = engine.search(base.withTags(List.of("任前考察")), false);
        assertThat(ids(tagged)).containsExactly("kaohe/renqian");
        SearchResults dated = engine.search(base.withDates(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)), false);
        assertThat(ids(dated)).containsExactly("kaohe/renqian");
        SearchResults none = engine.search(base.withTypes(List.of("question")), false);
        assertThat(none.total()).isZero();
    }

    @Test
    void filters_alone_browse_newest_first() {
        SearchResults r = engine.search(SearchRequest.of("").withCategories(List.of("组织生活")), false);
        assertThat(r.problem()).isNull();
        assertThat(r.total()).isEqualTo(5);
        assertThat(r.hits().get(0).id()).isEqualTo("zuzhi/zhuti-dangri");
    }

    @Test
    void archived_materials_are_found_only_when_allowed() {
        assertThat(ids(search("旧版"))).isEmpty();
        assertThat(ids(engine.search(SearchRequest.of("旧版"), true))).containsExactly("jiu/zerenzhi-2019");
        assertThat(engine.search(SearchRequest.of("旧版"), true).hits().get(0).archived()).isTrue();
    }

    @Test
    void sorting_by_date_puts_the_newest_first() {
        SearchResults r = engine.search(SearchRequest.of("主体责任").withSort(SearchSort.DATE), false);
        List<LocalDate> dates = r.hits().stream().map(SearchHit::date).toList();
        assertThat(dates).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void pages_split_the_hits_and_the_total_stays() {
        SearchRequest q = new SearchRequest("党", List.of(), List.of(), List.of(), null, null, null, 1, 3);
        SearchResults first = engine.search(q, false);
        SearchResults second = engine.search(q.withPage(2), false);
        assertThat(first.hits()).hasSize(3);
        assertThat(second.total()).isEqualTo(first.total());
        assertThat(ids(second)).doesNotContainAnyElementsOf(ids(first));
        SearchResults far = engine.search(q.withPage(100_000), false);
        assertThat(far.notices()).extracting(SearchMessage::key).contains(SearchMessage.PAGE_LIMIT);
    }

    @Test
    void quoted_phrases_must_occur_as_typed() {
        assertThat(search("\"监督责任\"").total()).isEqualTo(search("监督责任").total());
        assertThat(search("\"责任监督\"").total()).isZero();
        assertThat(ids(search("“支部党员大会”"))).contains("zuzhi/sanhui-yike#neirong");
    }

    @Test
    void exclusions_remove_hits_and_or_widens() {
        List<String> all = ids(search("一岗双责"));
        List<String> without = ids(search("一岗双责 -述职"));
        assertThat(all).contains("kaohe/shuzhi#shuzhi");
        assertThat(without).doesNotContain("kaohe/shuzhi#shuzhi").isNotEmpty();
        SearchResults either = search("一案双查 OR 三会一课");
        assertThat(ids(either)).contains("jiandu/yian-shuangcha", "zuzhi/sanhui-yike#neirong");
        assertThat(search("一案双查 三会一课").total()).isZero();
    }

    @Test
    void synonyms_are_reported_and_stopwords_dropped() {
        SearchResults r = search("两个责任");
        assertThat(r.notices()).extracting(SearchMessage::key).contains(SearchMessage.SYNONYMS_USED);
        SearchResults s = search("党委书记的第一责任人");
        assertThat(s.notices()).extracting(SearchMessage::key).contains(SearchMessage.STOPWORDS_IGNORED);
        assertThat(ids(s)).contains("zhuti/diyi-zeren#yi");
    }

    @Test
    void a_long_question_without_a_hit_for_every_word_falls_back_to_most_words() {
        SearchResults r = search("党委书记 第一责任人 量子");
        assertThat(r.total()).isPositive();
        assertThat(r.notices()).extracting(SearchMessage::key).contains(SearchMessage.RELAXED);
    }

    @Test
    void hostile_or_odd_input_gives_results_or_a_clear_message_quickly() {
        List<String> inputs = new ArrayList<>(List.of(
                "", "   ", "\"", "\"\"", "\"三会一课", "三会一课\"", "“三会一课", "-", "--", "- -", "OR", "OR OR", "一岗双责 OR",
                "OR 一岗双责", "AND", "NOT", "NOT 一岗双责", "-一岗双责", "*", "?", "主体*", "主?责任", "/.*/", "/[a-z]+/",
                "title:主体责任", "text:*", "(主体责任", "主体责任)", "[1 TO 5]", "{a TO b}", "主体责任~2", "主体责任^100",
                "\\", "\\\\\"", "a && b || !c", "+++", "!!!", "^^^", "~", ":::", "的", "的 了 是", "的的的的", "\u0000\u0001\u0007",
                "一岗\u0000双责", "\u202E\u200B\uFEFF", "\uD800", "\uDFFF\uD800", "😀😀", "<script>alert(1)</script>",
                "'; DROP TABLE x; --", "%00", "%", "_", "ＯＲ", "ｏｒ", "一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五 十六 十七 十八",
                "主体责任".repeat(2500), "a".repeat(10_000), "\"".repeat(300), "-".repeat(500), "OR ".repeat(300),
                "(".repeat(1000), "党 ".repeat(100)));
        StringBuilder mixed = new StringBuilder();
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 2000; i++) {
            mixed.append((char) random.nextInt(0x10000));
        }
        inputs.add(mixed.toString());
        for (String q : inputs) {
            long start = System.nanoTime();
            SearchResults r = engine.search(SearchRequest.of(q), false);
            long ms = (System.nanoTime() - start) / 1_000_000;
            String shown = q.length() > 30 ? q.substring(0, 30) + "…" : q;
            assertThat(r).as(shown).isNotNull();
            assertThat(r.total() > 0 || r.problem() != null || r.hits().isEmpty()).as(shown).isTrue();
            if (r.problem() != null) {
                assertThat(r.problem().key()).as(shown).isNotEqualTo(SearchMessage.UNAVAILABLE);
            }
            assertThat(ms).as("time for " + shown).isLessThan(2000);
        }
        assertThat(search("").problem().key()).isEqualTo(SearchMessage.EMPTY);
        assertThat(search("的 了 是").problem().key()).isEqualTo(SearchMessage.ONLY_STOPWORDS);
        assertThat(search("-一岗双责").problem().key()).isEqualTo(SearchMessage.ONLY_EXCLUSIONS);
        assertThat(search("*?~^").problem().key()).isEqualTo(SearchMessage.NO_TERMS);
        assertThat(search("主体责任".repeat(2500)).notices()).extracting(SearchMessage::key)
                .contains(SearchMessage.TRUNCATED);
        assertThat(search("\"三会一课").notices()).extracting(SearchMessage::key)
                .contains(SearchMessage.UNBALANCED_QUOTE);
        assertThat(ids(search("\"三会一课"))).contains("zuzhi/sanhui-yike#neirong");
        assertThat(ids(search("主体*"))).isEqualTo(ids(search("主体")));
        assertThat(ids(search("title:主体责任"))).isNotEmpty();
    }
}
