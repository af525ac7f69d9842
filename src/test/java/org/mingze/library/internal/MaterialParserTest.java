package org.mingze.library.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mingze.library.IndexableMaterial;
import org.mingze.library.TocEntry;
import org.springframework.context.support.ResourceBundleMessageSource;

class MaterialParserTest {

    private static final String FILE = "content/materials/a.md";

    private static MaterialParser.Result parse(String text) {
        return MaterialParser.parse("a.md", FILE, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Material ok(String text) {
        MaterialParser.Result r = parse(text);
        assertThat(r.problems()).as("problems").isEmpty();
        return r.material();
    }

    /** The rejected-file line as an administrator reads it: path:line: message, in Chinese. */
    private static List<String> messages(MaterialParser.Result r) {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("i18n/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return r.problems().stream().map(p -> p.file() + ":" + p.line() + ": " + source.getMessage(p.key(),
                p.args().stream().map(String::valueOf).toArray(), Locale.SIMPLIFIED_CHINESE)).toList();
    }

    @Test
    void a_valid_file_yields_its_front_matter_and_safe_html() {
        Material m = ok("""
                ---
                title: 党委书记如何履行"第一责任人"职责
                category: 学习辅导
                tags: [第一责任, 主体责任]
                source: 市局党委办公室
                date: 2024-05-01
                summary: 一句话摘要
                id: zhuti/diyi-zeren
                minutes: 12
                ---
                ## 一、什么是第一责任人
                正文**加粗**。
                """);
        assertThat(m.id()).isEqualTo("zhuti/diyi-zeren");
        assertThat(m.title()).isEqualTo("党委书记如何履行\"第一责任人\"职责");
        assertThat(m.category()).isEqualTo("学习辅导");
        assertThat(m.tags()).containsExactly("第一责任", "主体责任");
        assertThat(m.source()).isEqualTo("市局党委办公室");
        assertThat(m.date()).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(m.summary()).isEqualTo("一句话摘要");
        assertThat(m.minutes()).isEqualTo(12);
        assertThat(m.html()).contains("<h2 id=\"一什么是第一责任人\">一、什么是第一责任人</h2>")
                .contains("<strong>加粗</strong>");
    }

    @Test
    void the_anchor_of_the_content_format_example_is_the_heading_without_punctuation() {
        Material m = ok("---\ntitle: t\ncategory: c\n---\n## 一、什么是第一责任人\n\n### （二）Who's first? 2024年\n");
        assertThat(m.toc()).containsExactly(new TocEntry("一什么是第一责任人", "一、什么是第一责任人", 2),
                new TocEntry("二Whosfirst2024年", "（二）Who's first? 2024年", 3));
    }

    @Test
    void repeated_headings_get_numbered_anchors_that_stay_the_same_on_every_load() {
        String text = "---\ntitle: t\ncategory: c\n---\n## 要求\na\n## 要求\nb\n### 要求！\nc\n## ？？\nd\n";
        List<String> anchors = ok(text).toc().stream().map(TocEntry::anchor).toList();
        assertThat(anchors).containsExactly("要求", "要求-2", "要求-3", "section");
        assertThat(ok(text).toc().stream().map(TocEntry::anchor).toList()).isEqualTo(anchors);
        assertThat(ok(text).html()).contains("id=\"要求-2\"").contains("id=\"要求-3\"");
    }

    @Test
    void the_text_before_the_first_heading_is_a_section_with_an_empty_anchor() {
        Material m = ok("---\ntitle: t\ncategory: c\n---\n# 大标题\n\n导语第一段。\n\n## 第一节\n第一节正文。\n### 小节\n小节正文。\n");
        assertThat(m.sections()).containsExactly(
                new IndexableMaterial.Section("", "", 0, "大标题\n导语第一段。"),
                new IndexableMaterial.Section("第一节", "第一节", 2, "第一节正文。"),
                new IndexableMaterial.Section("小节", "小节", 3, "小节正文。"));
    }

    @Test
    void a_material_that_starts_with_a_heading_has_no_empty_leading_section() {
        Material m = ok("---\ntitle: t\ncategory: c\n---\n## 第一节\n正文。\n");
        assertThat(m.sections()).extracting(IndexableMaterial.Section::anchor).containsExactly("第一节");
    }

    @Test
    void a_bad_date_is_rejected_with_path_line_and_the_fix_in_chinese() {
        MaterialParser.Result r = parse("---\ntitle: t\ncategory: c\ndate: 2024-13-01\n---\n正文\n");
        assertThat(r.ok()).isFalse();
        assertThat(messages(r)).containsExactly(
                "content/materials/a.md:4: date \"2024-13-01\" 不是 YYYY-MM-DD 格式的有效日期，应写成如 2024-05-01。");
    }

    @Test
    void every_problem_of_a_file_is_reported_with_its_own_line() {
        MaterialParser.Result r = parse("---\ncategory: c\ntags: [a, [b]]\nminutes: many\ndate: 1.5.2024\n---\n");
        assertThat(r.problems()).extracting(LoadProblem::line, LoadProblem::key).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(1, "library.error.required"),
                org.assertj.core.groups.Tuple.tuple(3, "library.error.tags"),
                org.assertj.core.groups.Tuple.tuple(4, "library.error.minutes"),
                org.assertj.core.groups.Tuple.tuple(5, "library.error.date"));
        assertThat(messages(r).get(0)).startsWith("content/materials/a.md:");
    }

    @Test
    void broken_yaml_names_the_line_where_it_breaks() {
        MaterialParser.Result r = parse("---\ntitle: t\ncategory: c\nsummary: \"never closed\n---\n正文\n");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("library.error.yaml");
            assertThat(p.line()).isBetween(4, 5);
        });
    }

    @Test
    void a_file_without_front_matter_or_with_an_open_one_is_rejected_at_line_1() {
        assertThat(parse("## 只有正文\n").problems()).extracting(LoadProblem::line, LoadProblem::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "library.error.no-front-matter"));
        assertThat(parse("---\ntitle: t\ncategory: c\n").problems()).extracting(LoadProblem::key)
                .containsExactly("library.error.front-matter-open");
    }

    @Test
    void a_duplicate_key_and_an_unsafe_id_are_rejected() {
        assertThat(parse("---\ntitle: a\ntitle: b\ncategory: c\n---\n").problems()).extracting(LoadProblem::line,
                LoadProblem::key).containsExactly(org.assertj.core.groups.Tuple.tuple(3, "library.error.duplicate-key"));
        for (String id : List.of("../etc/passwd", "a//b", "a#b", "/abs", "a b")) {
            assertThat(parse("---\ntitle: t\ncategory: c\nid: \"" + id + "\"\n---\n").problems())
                    .as(id).extracting(LoadProblem::key).containsExactly("library.error.id");
        }
    }

    @Test
    void without_an_id_the_path_is_the_id_and_the_first_paragraph_the_summary() {
        MaterialParser.Result r = MaterialParser.parse("zhidu/sanhui-yike.md", "content/materials/zhidu/sanhui-yike.md",
                "---\ntitle: t\ncategory: c\n---\n\n第一段。\n\n第二段。\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.material().id()).isEqualTo("zhidu/sanhui-yike");
        assertThat(r.material().summary()).isEqualTo("第一段。");
        assertThat(r.material().minutes()).isEqualTo(1);
    }

    @Test
    void expected_minutes_default_from_the_length_of_the_text() {
        String body = "学".repeat(MaterialParser.CHARS_PER_MINUTE * 3 + 1);
        assertThat(ok("---\ntitle: t\ncategory: c\n---\n" + body + "\n").minutes()).isEqualTo(4);
    }

    @Test
    void a_line_break_inside_a_chinese_paragraph_adds_no_space() {
        Material m = ok("---\ntitle: t\ncategory: c\n---\n党委书记\n是第一责任人\nand then\nsome English\n");
        assertThat(m.html()).contains("党委书记是第一责任人\nand then\nsome English");
        assertThat(m.sections().get(0).text()).isEqualTo("党委书记是第一责任人 and then some English");
    }

    @Test
    void links_to_other_material_files_and_to_sections_point_into_the_reader() {
        Material m = ok("---\ntitle: t\ncategory: c\nid: zhuti/x\n---\n[a](#一节) [b](../zhidu/y.md#二) [c](https://example.org/)\n");
        assertThat(m.html()).contains("href=\"library/read/zhuti/x#一节\"").contains("href=\"library/read/zhidu/y#二\"")
                .contains("href=\"https://example.org/\"");
    }

    @Test
    void a_file_that_is_not_utf8_is_rejected() {
        byte[] gbk = "---\ntitle: 标题\ncategory: 分类\n---\n".getBytes(java.nio.charset.Charset.forName("GBK"));
        assertThat(MaterialParser.parse("a.md", FILE, gbk).problems()).extracting(LoadProblem::key)
                .containsExactly("library.error.encoding");
    }
}
