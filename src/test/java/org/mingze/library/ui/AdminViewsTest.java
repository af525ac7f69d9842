package org.mingze.library.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.TextField;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mingze.KaribuTest;
import org.mingze.library.LibraryFixtures;
import org.mingze.library.LibraryTest;
import org.mingze.library.RejectedFile;
import org.mingze.library.internal.LibraryContent;
import org.springframework.beans.factory.annotation.Autowired;

/** The upload page, the editor of an upload's fields and the rejected-files page. */
@LibraryTest
class AdminViewsTest extends KaribuTest {

    @Autowired
    LibraryContent content;

    @BeforeEach
    void fixtures() {
        LibraryFixtures.install(content);
    }

    @Test
    void an_organiser_uploads_a_text_file_completes_its_fields_and_lands_in_the_reader() {
        login("lihm");
        UI.getCurrent().navigate("library/upload");
        UploadView view = _get(UploadView.class);
        view.received("支部学习安排.txt", "一、学习内容\n学习主体责任规定。\n".getBytes(StandardCharsets.UTF_8));
        assertThat(_get(TextField.class, spec -> spec.withLabel("标题")).getValue()).isEqualTo("支部学习安排");
        view.form.category.setValue("学习辅导");
        _setValue(_get(TextField.class, spec -> spec.withLabel("标签")), "主体责任、支部");
        _click(_get(Button.class, spec -> spec.withText("发布")));

        assertThat(_get(H2.class, spec -> spec.withClasses("mingze-reader-title")).getText()).isEqualTo("支部学习安排");
        assertThat(LibraryFixtures.uploads()).extracting(p -> p.getFileName().toString())
                .containsExactly("支部学习安排.md");

        _click(_get(Button.class, spec -> spec.withText("编辑信息")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("标题")), "");
        _click(_get(Button.class, spec -> spec.withText("保存")));
        assertThat(_get(TextField.class, spec -> spec.withLabel("标题")).getErrorMessage()).isEqualTo(
                "请填写标题（不超过 200 个字）。");
        _setValue(_get(TextField.class, spec -> spec.withLabel("标题")), "十一月支部学习安排");
        _click(_get(Button.class, spec -> spec.withText("保存")));
        assertThat(_get(H2.class, spec -> spec.withClasses("mingze-reader-title")).getText())
                .isEqualTo("十一月支部学习安排");
    }

    @Test
    void a_refused_upload_says_why_in_chinese_and_shows_no_form() {
        login("lihm");
        UI.getCurrent().navigate("library/upload");
        _get(UploadView.class).received("空.txt", new byte[0]);
        NotificationsKt.expectNotifications("文件“空.txt”中没有可提取的文字（扫描件只含图片）。请上传含文字的 Word 或 PDF。未保存任何内容。");
        assertThat(_find(Button.class, spec -> spec.withText("发布"))).isEmpty();
        assertThat(LibraryFixtures.uploads()).isEmpty();
    }

    @Test
    void an_administrator_sees_rejected_files_with_line_and_reason() {
        login("admin");
        UI.getCurrent().navigate("library/rejected");
        @SuppressWarnings("unchecked")
        Grid<RejectedFile> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isEqualTo(3);
        RejectedFile first = GridKt._get(grid, 0);
        assertThat(first.file()).endsWith("materials/bad/bad-date.md");
        assertThat(first.line()).isEqualTo(4);
        assertThat(first.message()).startsWith("date \"2024-13-01\"");

        LibraryFixtures.write("bad/bad-date.md", "---\ntitle: 已改正\ncategory: 学习辅导\ndate: 2024-12-01\n---\n正文\n");
        _click(_get(Button.class, spec -> spec.withText("重新加载")));
        assertThat(GridKt._size(grid)).isEqualTo(2);
    }
}
