package org.mingze.library.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mingze.library.XssCheck;

/** The body half of the XSS test (the title half is in ReaderViewTest, where the title reaches the page). */
class HtmlSanitizerTest {

    @Test
    void the_check_itself_sees_every_payload_when_nothing_sanitises_it() {
        for (String payload : XssCheck.PAYLOADS) {
            if (!payload.startsWith("[") && !payload.startsWith("!")) {
                assertThat(XssCheck.dangers(payload)).as(payload).isNotEmpty();
            }
        }
    }

    @Test
    void no_payload_in_a_material_body_survives_into_its_html() {
        for (String payload : XssCheck.PAYLOADS) {
            for (String body : new String[] {payload, "段落 " + payload + " 结束", "\n" + payload + "\n\n正文",
                    "## 标题 " + payload, "| a | b |\n| - | - |\n| " + payload.replace("|", "") + " | x |",
                    "> " + payload}) {
                String file = "---\ntitle: t\ncategory: c\n---\n" + body + "\n";
                Material m = MaterialParser.parse("x.md", "x.md", file.getBytes(StandardCharsets.UTF_8)).material();
                assertThat(XssCheck.dangers(m.html())).as(body + "\n=> " + m.html()).isEmpty();
            }
        }
    }

    @Test
    void raw_html_in_markdown_is_dropped_but_its_text_stays() {
        String file = "---\ntitle: t\ncategory: c\n---\n前<span style=\"color:red\">红字</span>后\n\n<div onclick=x>块</div>\n";
        Material m = MaterialParser.parse("x.md", "x.md", file.getBytes(StandardCharsets.UTF_8)).material();
        assertThat(m.html()).doesNotContain("<span").doesNotContain("<div").contains("前红字后");
        assertThat(m.sections().get(0).text()).doesNotContain("<").contains("前红字后");
    }

    @Test
    void ordinary_markdown_keeps_its_formatting_links_tables_and_anchors() {
        String html = HtmlSanitizer.clean("<h2 id=\"一节\">一节</h2><p><a href=\"https://x.org/a\">a</a> "
                + "<a href=\"library/read/b#c\">b</a> <img src=\"https://x.org/i.png\" alt=\"i\"></p>"
                + "<table><thead><tr><th align=\"left\">h</th></tr></thead><tbody><tr><td>d</td></tr></tbody></table>");
        assertThat(html).contains("<h2 id=\"一节\">").contains("href=\"https://x.org/a\"")
                .contains("href=\"library/read/b#c\"").contains("<img src=\"https://x.org/i.png\" alt=\"i\">")
                .contains("<th align=\"left\">").contains("rel=\"noopener noreferrer\"");
    }
}
