package org.mingze.library.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mingze.KaribuTest;
import org.mingze.base.security.Role;
import org.mingze.library.LibraryFixtures;
import org.mingze.library.LibraryService;
import org.mingze.library.LibraryTest;
import org.mingze.library.StudyHow;
import org.mingze.library.StudyService;
import org.mingze.library.internal.LibraryContent;
import org.mingze.org.internal.Account;
import org.springframework.beans.factory.annotation.Autowired;

@LibraryTest
class LibraryViewTest extends KaribuTest {

    @Autowired
    LibraryContent content;
    @Autowired
    LibraryService library;
    @Autowired
    StudyService study;

    @BeforeEach
    void fixtures() {
        LibraryFixtures.install(content);
    }

    private static List<String> titles() {
        return _find(RouterLink.class, spec -> spec.withClasses("mingze-material-title")).stream()
                .map(RouterLink::getText).toList();
    }

    private static List<String> chips() {
        return _find(Button.class, spec -> spec.withClasses("mingze-chip")).stream().map(Button::getText).toList();
    }

    @Test
    void a_learner_sees_every_material_newest_first_with_category_and_tag_counts() {
        login("wangzh");
        UI.getCurrent().navigate("library");
        assertThat(titles()).containsExactly("领导干部的“一岗双责”", "党委书记如何履行“第一责任人”职责", "三会一课制度");
        assertThat(chips()).containsExactly("全部（3）", "学习辅导（2）", "制度规定（1）",
                "全部（3）", "主体责任（2）", "第一责任（1）", "三会一课（1）", "一岗双责（1）"); // then by pinyin
        assertThat(_get(Span.class, spec -> spec.withClasses("mingze-library-count")).getText()).isEqualTo("共 3 篇");
    }

    @Test
    void beyond_ten_tags_the_rest_fold_behind_more_but_a_chosen_tag_stays_visible() {
        LibraryFixtures.write("many/tags.md", "---\ntitle: 多标签\ncategory: 学习辅导\ntags: [标签01, 标签02, 标签03, 标签04, "
                + "标签05, 标签06, 标签07, 标签08, 标签09, 标签10, 标签11, 标签12]\n---\n正文\n");
        content.reload("test", false);
        login("wangzh");
        UI.getCurrent().navigate("library", QueryParameters.simple(java.util.Map.of("tag", "标签12")));
        // categories counted under the chosen tag; then 全部, the ten most used tags (in pinyin order), the chosen one
        assertThat(chips()).containsExactly("全部（1）", "学习辅导（1）", "全部（4）", "主体责任（2）", "标签01（1）",
                "标签02（1）", "标签03（1）", "标签04（1）", "标签05（1）", "标签06（1）", "标签07（1）", "标签08（1）",
                "标签09（1）", "标签12（1）");
        Button more = _get(Button.class, spec -> spec.withClasses("mingze-facet-more"));
        assertThat(more.getText()).isEqualTo("更多（6）");
        _click(more);
        assertThat(chips()).hasSize(2 + 1 + 16);
        assertThat(_get(Button.class, spec -> spec.withClasses("mingze-facet-more")).getText()).isEqualTo("收起");
    }

    @Test
    void choosing_a_category_filters_the_list_and_recounts_the_tags() {
        login("wangzh");
        UI.getCurrent().navigate("library");
        _click(_get(Button.class, spec -> spec.withText("制度规定（1）")));
        assertThat(titles()).containsExactly("三会一课制度");
        assertThat(chips()).containsExactly("全部（3）", "学习辅导（2）", "制度规定（1）", "全部（1）", "三会一课（1）");

        _click(_get(Button.class, spec -> spec.withText("全部（3）").withClasses("mingze-chip")));
        _click(_get(Button.class, spec -> spec.withText("主体责任（2）")));
        assertThat(titles()).containsExactly("领导干部的“一岗双责”", "党委书记如何履行“第一责任人”职责");
        assertThat(chips()).startsWith("全部（2）", "学习辅导（2）");
    }

    @Test
    void filters_and_sort_come_from_the_address_so_that_back_keeps_them() {
        login("wangzh");
        UI.getCurrent().navigate("library", QueryParameters.simple(java.util.Map.of("category", "学习辅导",
                "sort", "title")));
        assertThat(titles()).containsExactly("党委书记如何履行“第一责任人”职责", "领导干部的“一岗双责”");
        @SuppressWarnings("unchecked")
        Select<String> sort = _get(Select.class, spec -> spec.withLabel("排序"));
        assertThat(sort.getValue()).isEqualTo("title");
    }

    @Test
    void a_material_passed_by_quiz_shows_as_studied() {
        Account learner = data.account(data.branch(), Role.LEARNER);
        study.markStudied(learner.getMemberId(), "zhidu/sanhui-yike", StudyHow.QUIZ);
        login(learner.getUsername());
        UI.getCurrent().navigate("library");
        assertThat(_find(Span.class, spec -> spec.withClasses("mingze-studied"))).singleElement()
                .satisfies(s -> assertThat(s.getText()).isEqualTo("已学"));
        assertThat(_get(Span.class, spec -> spec.withClasses("mingze-studied")).getParent().orElseThrow()
                .getParent().orElseThrow().getElement().getTextRecursively()).contains("三会一课制度");
    }

    @Test
    void tools_follow_the_role() {
        login("wangzh");
        UI.getCurrent().navigate("library");
        assertThat(_find(Button.class, spec -> spec.withText("上传资料"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withText("重新加载"))).isEmpty();
        assertThat(_find(RouterLink.class, spec -> spec.withClasses("mingze-library-rejected"))).isEmpty();

        login("lihm");
        UI.getCurrent().navigate(""); // a new sign-in opens a new page; the same route would reuse the view
        UI.getCurrent().navigate("library");
        assertThat(_find(Button.class, spec -> spec.withText("上传资料"))).hasSize(1);
        assertThat(_find(Button.class, spec -> spec.withText("重新加载"))).isEmpty();

        login("admin");
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("library");
        assertThat(_get(RouterLink.class, spec -> spec.withClasses("mingze-library-rejected")).getText())
                .isEqualTo("未能加载的文件（3）");
        _click(_get(Button.class, spec -> spec.withText("重新加载")));
        assertThat(titles()).hasSize(3);
    }

    @Test
    void an_administrator_finds_archived_materials_on_request() {
        login("admin");
        library.archive("zhidu/sanhui-yike");
        try {
            UI.getCurrent().navigate("library");
            assertThat(titles()).doesNotContain("三会一课制度");
            _setValue(_get(Checkbox.class, spec -> spec.withLabel("显示已归档")), true);
            assertThat(titles()).contains("三会一课制度");
            assertThat(_get(Span.class, spec -> spec.withClasses("mingze-archived")).getText()).isEqualTo("已归档");
        } finally {
            library.restore("zhidu/sanhui-yike");
        }
    }
}
