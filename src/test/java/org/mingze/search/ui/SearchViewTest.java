package org.mingze.search.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mingze.KaribuTest;
import org.mingze.base.ui.MainLayout;
import org.mingze.search.WithSearchFixtures;
import org.mingze.search.internal.SearchIndexer;
import org.springframework.beans.factory.annotation.Autowired;

@WithSearchFixtures
class SearchViewTest extends KaribuTest {

    @Autowired
    SearchIndexer indexer;

    @BeforeEach
    void indexed() throws Exception {
        indexer.awaitIdle();
    }

    /** Opens the search page with a query string such as {@code q=一案双查&category=理论学习}. */
    private static void open(String query) {
        UI.getCurrent().navigate("search", QueryParameters.fromString(query));
    }

    private static List<Anchor> hitLinks() {
        return _find(Anchor.class, s -> s.withClasses("mingze-search-hit-title"));
    }

    /** A hit's address without the words to highlight: material#anchor. */
    private static String target(Anchor link) {
        return link.getHref().replaceFirst("\\?[^#]*", "");
    }

    @Test
    void the_address_drives_the_search_and_hits_link_to_their_section() {
        login("wangzh");
        open("q=一案双查");
        assertThat(_get(SearchView.class)).isNotNull();
        assertThat(_get(TextField.class, s -> s.withClasses("mingze-search-query")).getValue()).isEqualTo("一案双查");
        List<Anchor> links = hitLinks();
        assertThat(links).hasSize(1);
        assertThat(links.get(0).getHref()).isEqualTo("library/read/jiandu/yian-shuangcha?hl=%E4%B8%80%E6%A1%88%E5%8F%8C%E6%9F%A5");
        assertThat(links.get(0).getText()).isEqualTo("一案双查的适用情形");
        Div snippet = _get(Div.class, s -> s.withClasses("mingze-search-snippet"));
        assertThat(snippet.getElement().getProperty("innerHTML")).contains("<mark>一案双查</mark>");
        assertThat(_get(Div.class, s -> s.withClasses("mingze-search-summary")).getText()).startsWith("共 1 条结果");
    }

    @Test
    void the_header_search_box_is_shown_now_that_the_route_exists() {
        login("wangzh");
        UI.getCurrent().navigate("");
        TextField box = _get(TextField.class, s -> s.withClasses("mingze-search"));
        assertThat(box.isVisible()).isTrue();
        assertThat(MainLayout.SEARCH_ROUTE).isEqualTo("search");
    }

    @Test
    void a_page_pasted_into_the_header_box_goes_into_the_address_cut_short_and_the_search_says_it_was_too_long() {
        login("wangzh");
        UI.getCurrent().navigate("");
        TextField box = _get(TextField.class, s -> s.withClasses("mingze-search"));
        box.setValue("党".repeat(10_000));
        com.vaadin.flow.component.ComponentUtil.fireEvent(box,
                new com.vaadin.flow.component.KeyPressEvent(box, com.vaadin.flow.component.Key.ENTER.getKeys().get(0)));
        List<String> q = UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters().getParameters()
                .get("q");
        assertThat(q).singleElement().satisfies(v -> assertThat(v).hasSize(1000).isEqualTo("党".repeat(1000)));
        assertThat(_find(Paragraph.class, s -> s.withClasses("mingze-search-notice"))).extracting(Paragraph::getText)
                .anyMatch(t -> t.contains("搜索内容过长"));
    }

    @Test
    void a_facet_click_filters_and_shows_a_removable_chip() {
        login("wangzh");
        open("q=主体责任");
        int all = hitLinks().size();
        assertThat(_find(Details.class, s -> s.withClasses("mingze-search-facet"))).extracting(Details::getSummaryText)
                .as("the type facet has one value that every hit has, so it is left out").contains("类别")
                .doesNotContain("内容类型");
        Button theory = _get(Button.class, s -> s.withText("理论学习（2）"));
        _click(theory);
        assertThat(hitLinks()).hasSize(2).hasSizeLessThan(all);
        assertThat(parameters().get("category")).containsExactly("理论学习");
        Button chip = _get(Button.class, s -> s.withClasses("mingze-search-chip"));
        assertThat(chip.getText()).isEqualTo("类别：理论学习");
        _click(chip);
        assertThat(hitLinks()).hasSize(all);
    }

    @Test
    void nothing_found_suggests_related_terms_and_dropping_filters() {
        login("wangzh");
        open("q=三会两课&category=理论学习");
        assertThat(_get(H3.class).getText()).isEqualTo("没有找到与“三会两课”相关的内容");
        assertThat(_find(Paragraph.class, s -> s.withClasses("mingze-search-tips"))).hasSize(1);
        _click(_get(Button.class, s -> s.withText("三会一课")));
        assertThat(_get(TextField.class, s -> s.withClasses("mingze-search-query")).getValue()).isEqualTo("三会一课");
        assertThat(parameters()).containsEntry("q", List.of("三会一课"));
        _click(_get(Button.class, s -> s.withText("去掉筛选条件再搜一次")));
        assertThat(parameters()).doesNotContainKey("category");
        assertThat(hitLinks()).extracting(SearchViewTest::target).contains("library/read/zuzhi/sanhui-yike#neirong");
    }

    private static java.util.Map<String, List<String>> parameters() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters().getParameters();
    }

    @Test
    void odd_input_gets_a_clear_chinese_message() {
        login("wangzh");
        open("q=的");
        assertThat(_get(Paragraph.class, s -> s.withClasses("mingze-search-problem")).getText())
                .contains("常用虚词");
        open("q=" + "主体责任".repeat(100));
        assertThat(_find(Paragraph.class, s -> s.withClasses("mingze-search-notice")))
                .extracting(Paragraph::getText).anySatisfy(t -> assertThat(t).contains("只按前 200 个字"));
    }

    @Test
    void a_hit_sends_the_reader_the_words_it_matched_synonyms_included_to_highlight() {
        assertThat(SearchView.withHighlights("library/read/zhuti/liangge-zeren#yi",
                "“两个责任”是指<mark>主体责任</mark>和<mark>监督责任</mark>，<mark>主体责任</mark>在先 a &lt; b"))
                .isEqualTo("library/read/zhuti/liangge-zeren?hl=%E4%B8%BB%E4%BD%93%E8%B4%A3%E4%BB%BB"
                        + "&hl=%E7%9B%91%E7%9D%A3%E8%B4%A3%E4%BB%BB#yi");
        assertThat(SearchView.withHighlights("library/read/a#b", "nothing marked")).isEqualTo("library/read/a#b");
        assertThat(SearchView.withHighlights("library/read/a", "<mark>R&amp;D</mark>"))
                .isEqualTo("library/read/a?hl=R%26D");
    }

    @Test
    void ten_thousand_pasted_characters_search_their_start_and_keep_the_address_short() {
        login("wangzh");
        UI.getCurrent().navigate("search");
        TextField q = _get(TextField.class, s -> s.withClasses("mingze-search-query"));
        com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue(q, "一岗双责".repeat(2500));
        _click(_get(Button.class, s -> s.withText("搜索")));
        assertThat(parameters().get("q")).singleElement()
                .satisfies(v -> assertThat(v.length()).isEqualTo(201));
        assertThat(_find(Paragraph.class, s -> s.withClasses("mingze-search-notice")))
                .extracting(Paragraph::getText).anySatisfy(t -> assertThat(t).contains("只按前 200 个字"));
        assertThat(hitLinks()).isNotEmpty();
    }

    @Test
    void typing_shows_suggestions_that_search_when_clicked() {
        login("wangzh");
        UI.getCurrent().navigate("search");
        TextField q = _get(TextField.class, s -> s.withClasses("mingze-search-query"));
        com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue(q, "两学");
        Button suggestion = _get(Button.class, s -> s.withText("两学一做"));
        _click(suggestion);
        assertThat(hitLinks()).extracting(SearchViewTest::target).contains("library/read/zuzhi/liangxue-yizuo");
    }

    @Test
    void only_administrators_see_archived_hits_and_the_index_page() {
        login("wangzh");
        open("q=旧版");
        assertThat(hitLinks()).isEmpty();
        assertThat(_find(RouterLink.class, s -> s.withText("管理搜索索引"))).isEmpty();
        login("admin");
        UI.getCurrent().navigate("");
        open("q=旧版");
        assertThat(hitLinks()).hasSize(1);
        assertThat(_find(RouterLink.class, s -> s.withText("管理搜索索引"))).hasSize(1);
    }

    @Test
    void an_organiser_finds_questions_that_open_in_the_bank_editor_and_filters_by_type() {
        login("lihm");
        UI.getCurrent().navigate("search");
        assertThat(_find(Paragraph.class, s -> s.withClasses("mingze-empty"))).extracting(Paragraph::getText)
                .anySatisfy(t -> assertThat(t).contains("题库中的题目"));
        open("q=组织生活");
        assertThat(hitLinks()).extracting(Anchor::getHref).contains("quiz/questions/sq-002", "quiz/questions/sq-004");
        assertThat(_find(Div.class, s -> s.withClasses("mingze-search-hit-question")))
                .extracting(d -> d.getElement().getTextRecursively())
                .anySatisfy(t -> assertThat(t).contains("题目 · 多选题", "搜索测试题库"));
        Button questions = _get(Button.class, s -> s.withText("题目（2）"));
        _click(questions);
        assertThat(parameters().get("type")).containsExactly("question");
        assertThat(hitLinks()).extracting(Anchor::getHref)
                .containsExactlyInAnyOrder("quiz/questions/sq-002", "quiz/questions/sq-004");
        assertThat(_get(Button.class, s -> s.withClasses("mingze-search-chip")).getText()).isEqualTo("内容类型：题目");
    }

    @Test
    void a_learner_never_sees_a_question_hit_or_the_type_filter() {
        login("wangzh");
        UI.getCurrent().navigate("search");
        assertThat(_find(Paragraph.class, s -> s.withClasses("mingze-empty"))).extracting(Paragraph::getText)
                .noneSatisfy(t -> assertThat(t).contains("题库"));
        open("q=组织生活");
        assertThat(hitLinks()).isNotEmpty().extracting(Anchor::getHref)
                .allSatisfy(href -> assertThat(href).startsWith("library/read/"));
        assertThat(_find(Div.class, s -> s.withClasses("mingze-search-hit-question"))).isEmpty();
        open("q=搜索测试题库&type=question");
        assertThat(hitLinks()).isEmpty();
    }

    @Test
    void an_administrator_rebuilds_the_index_with_a_progress_bar() throws Exception {
        login("admin");
        UI.getCurrent().navigate("search/admin");
        Button rebuild = _get(Button.class, s -> s.withText("重建索引"));
        _click(rebuild);
        assertThat(rebuild.isEnabled()).isFalse();
        assertThat(_get(ProgressBar.class).isVisible()).isTrue();
        indexer.awaitIdle();
        _get(SearchAdminView.class).refresh();
        MockVaadin.clientRoundtrip();
        assertThat(rebuild.isEnabled()).isTrue();
        assertThat(_find(ProgressBar.class)).as("visible progress bars").isEmpty();
        assertThat(_find(Div.class, s -> s.withClasses("mingze-search-admin-fact")))
                .extracting(d -> d.getElement().getTextRecursively())
                .anySatisfy(t -> assertThat(t).startsWith("上次重建").doesNotContain("尚未"));
    }
}
