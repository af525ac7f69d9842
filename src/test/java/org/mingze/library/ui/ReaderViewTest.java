package org.mingze.library.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouterLink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mingze.KaribuTest;
import org.mingze.base.security.Role;
import org.mingze.library.LibraryFixtures;
import org.mingze.library.LibraryService;
import org.mingze.library.LibraryTest;
import org.mingze.library.MutableClock;
import org.mingze.library.StudyService;
import org.mingze.library.XssCheck;
import org.mingze.library.internal.FrontMatter;
import org.mingze.library.internal.LibraryContent;
import org.springframework.beans.factory.annotation.Autowired;

@LibraryTest
class ReaderViewTest extends KaribuTest {

    @Autowired
    LibraryContent content;
    @Autowired
    LibraryService library;
    @Autowired
    StudyService study;
    @Autowired
    MutableClock clock;

    @BeforeEach
    void fixtures() {
        LibraryFixtures.install(content);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static Div prose() {
        return _get(Div.class, spec -> spec.withClasses("mingze-prose"));
    }

    @Test
    void the_reader_shows_contents_with_links_to_anchored_sections() {
        login("wangzh");
        UI.getCurrent().navigate("library/read/zhuti/diyi-zeren");
        Details toc = _get(Details.class, spec -> spec.withClasses("mingze-reader-toc"));
        assertThat(toc.getSummaryText()).isEqualTo("目录");
        List<Anchor> links = _find(Anchor.class, spec -> spec.withClasses("mingze-toc-2"));
        assertThat(links).extracting(Anchor::getText).containsExactly("一、什么是第一责任人", "二、怎样履行", "二、怎样履行");
        assertThat(links).extracting(Anchor::getHref).containsExactly(
                "library/read/zhuti/diyi-zeren#一什么是第一责任人", "library/read/zhuti/diyi-zeren#二怎样履行",
                "library/read/zhuti/diyi-zeren#二怎样履行-2");
        assertThat(_get(Anchor.class, spec -> spec.withClasses("mingze-toc-3")).getText()).isEqualTo("（一）管班子、带队伍");
        String body = _get(Html.class).getInnerHtml();
        assertThat(body).contains("<h2 id=\"一什么是第一责任人\">").contains("<h3 id=\"一管班子带队伍\">")
                .contains("<h2 id=\"二怎样履行-2\">");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("党委书记如何履行“第一责任人”职责");
    }

    @Test
    void words_from_the_address_are_highlighted_and_odd_ones_are_dropped() {
        login("wangzh");
        UI.getCurrent().navigate("library/read/zhuti/diyi-zeren", com.vaadin.flow.router.QueryParameters.full(
                java.util.Map.of("hl", new String[] {"第一责任人", " 主体责任\u0000 ", "", "长".repeat(31),
                        "第一责任人"})));
        assertThat(_get(ReaderView.class).highlights()).containsExactly("第一责任人", "主体责任");
        UI.getCurrent().navigate("library/read/zhidu/sanhui-yike");
        assertThat(_get(ReaderView.class).highlights()).isEmpty();
    }

    @Test
    void a_material_with_a_chinese_id_opens_from_a_literal_or_a_percent_encoded_address() {
        LibraryFixtures.write("uploads/支部学习.md", "---\ntitle: 中文标识的资料\ncategory: 学习辅导\n---\n正文\n");
        content.reload("test", false);
        login("wangzh");
        for (String path : List.of("library/read/uploads/支部学习", "library/read/uploads/%E6%94%AF%E9%83%A8%E5%AD%A6%E4%B9%A0")) {
            UI.getCurrent().navigate("");
            UI.getCurrent().navigate(path);
            assertThat(UI.getCurrent().getInternals().getTitle()).as(path).isEqualTo("中文标识的资料");
        }
        UI.getCurrent().navigate(ReaderView.class, "uploads/支部学习");
        assertThat(_get(ReaderView.class).materialId()).isEqualTo("uploads/支部学习");
        assertThat(ReaderView.percentDecode("a+b%20c/%E4%B8%AD文")).isEqualTo("a+b c/中文");
    }

    @Test
    void previous_and_next_stay_within_the_category() {
        login("wangzh");
        UI.getCurrent().navigate("library/read/zhuti/diyi-zeren");
        assertThat(_find(RouterLink.class, spec -> spec.withClasses("mingze-reader-previous"))).isEmpty();
        RouterLink next = _get(RouterLink.class, spec -> spec.withClasses("mingze-reader-next"));
        assertThat(next.getText()).isEqualTo("下一篇：领导干部的“一岗双责”");
        assertThat(next.getHref()).isEqualTo("library/read/zhuti/yigang-shuangze");

        UI.getCurrent().navigate("library/read/zhidu/sanhui-yike");
        assertThat(_find(RouterLink.class, spec -> spec.withClasses("mingze-reader-next"))).isEmpty();
        assertThat(_find(RouterLink.class, spec -> spec.withClasses("mingze-reader-previous"))).isEmpty();
    }

    @Test
    void the_font_size_switch_changes_the_text_and_is_remembered() {
        login("wangzh");
        UI.getCurrent().navigate("library/read/zhuti/diyi-zeren");
        assertThat(prose().getClassNames()).contains("size-m");
        _click(_get(Button.class, spec -> spec.withText("特大")));
        assertThat(prose().getClassNames()).contains("size-xl").doesNotContain("size-m");
        UI.getCurrent().navigate("library/read/zhidu/sanhui-yike");
        assertThat(prose().getClassNames()).contains("size-xl");
    }

    @Test
    void an_unknown_or_archived_material_is_not_found_for_a_learner() {
        login("wangzh");
        UI.getCurrent().navigate("library/read/no/such/thing");
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("mingze-reader-missing")).getText())
                .isEqualTo("找不到这份资料，它可能已被移除或归档。");

        login("admin");
        library.archive("zhidu/sanhui-yike");
        try {
            UI.getCurrent().navigate("library/read/zhidu/sanhui-yike");
            assertThat(_get(Paragraph.class, spec -> spec.withClasses("mingze-reader-archived")).getText())
                    .contains("已归档");
            assertThat(_get(Button.class, spec -> spec.withClasses("mingze-reader-archive")).getText())
                    .isEqualTo("恢复");
            login("wangzh");
            UI.getCurrent().navigate("library/read/zhidu/sanhui-yike");
            assertThat(_find(Paragraph.class, spec -> spec.withClasses("mingze-reader-missing"))).hasSize(1);
            assertThat(_find(Html.class)).isEmpty();
        } finally {
            login("admin");
            library.restore("zhidu/sanhui-yike");
        }
    }

    @Test
    void an_administrator_archives_from_the_reader() {
        login("admin");
        UI.getCurrent().navigate("library/read/zhidu/sanhui-yike");
        try {
            _click(_get(Button.class, spec -> spec.withText("归档")));
            assertThat(library.read("zhidu/sanhui-yike").orElseThrow().card().archived()).isTrue();
            assertThat(_get(Button.class, spec -> spec.withClasses("mingze-reader-archive")).getText())
                    .isEqualTo("恢复");
        } finally {
            library.restore("zhidu/sanhui-yike");
        }
    }

    @Test
    void the_page_heartbeat_credits_the_time_the_server_measured() {
        clock.set(Instant.parse("2026-03-10T02:00:00Z"));
        var learner = data.account(data.branch(), Role.LEARNER);
        login(learner.getUsername());
        UI.getCurrent().navigate("library/read/zhuti/diyi-zeren"); // opening starts the clock
        ReaderView view = _get(ReaderView.class);
        clock.advance(Duration.ofSeconds(30));
        view.heartbeat();
        clock.advance(Duration.ofSeconds(300)); // tab hidden, person away
        view.resume();
        clock.advance(Duration.ofSeconds(20));
        view.heartbeat();
        assertThat(study.myStudy().totalSeconds()).isEqualTo(50);
    }

    @Test
    void no_script_handler_style_or_dangerous_url_reaches_the_page_through_a_title_or_a_body() {
        List<String> payloads = XssCheck.PAYLOADS;
        for (int i = 0; i < payloads.size(); i++) {
            String p = payloads.get(i);
            String body = "## " + p + "\n\n" + p + "\n\n[x](javascript:alert(1)) " + p + "\n";
            // category and tags are short fields: the payload goes there when it fits
            String shortField = p.length() <= FrontMatter.MAX_CATEGORY - 4 ? "XSS " + p : "XSS " + i;
            LibraryFixtures.write("xss/p" + i + ".md", FrontMatter.write(new FrontMatter.Fields(p, shortField,
                    List.of(shortField, "t" + i), p, null, p, null, null), body));
        }
        content.reload("test", false);
        login("admin"); // the administrator sees the most: archive and edit tools, rejected files
        List<String> found = new ArrayList<>();
        for (int n = 0; n < payloads.size(); n++) {
            int i = n;
            UI.getCurrent().navigate("library/read/xss/p" + i);
            assertThat(_find(Paragraph.class, spec -> spec.withClasses("mingze-reader-missing"))).as("p" + i)
                    .isEmpty();
            String page = _get(ReaderView.class).getElement().getOuterHTML();
            found.addAll(XssCheck.dangersInView(page).stream().map(d -> "reader p" + i + ": " + d).toList());
            for (Html html : _find(Html.class)) {
                found.addAll(XssCheck.dangers(html.getInnerHtml()).stream().map(d -> "body p" + i + ": " + d).toList());
            }
            assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo(payloads.get(i));
        }
        UI.getCurrent().navigate("library");
        assertThat(_find(RouterLink.class, spec -> spec.withClasses("mingze-material-title"))).hasSizeGreaterThan(
                payloads.size());
        found.addAll(XssCheck.dangersInView(_get(LibraryView.class).getElement().getOuterHTML()).stream()
                .map(d -> "list: " + d).toList());
        assertThat(found).isEmpty();
    }
}
