package org.mingze.quiz.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.upload.Upload;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mingze.KaribuTest;
import org.mingze.TestData;
import org.mingze.quiz.QuestionFilter;
import org.mingze.quiz.QuestionFormat;
import org.mingze.quiz.QuestionService;
import org.springframework.beans.factory.annotation.Autowired;

/** The import page on the real content (its materials are the sources of the uploaded questions). */
class QuestionImportViewTest extends KaribuTest {

    @Autowired
    QuestionService questions;

    @Test
    void an_organiser_sees_the_template_the_upload_and_the_export() {
        login("lihm");
        UI.getCurrent().navigate("quiz/import");

        _get(QuestionImportView.class);
        assertThat(_get(H2.class).getText()).isEqualTo("题目导入导出");
        assertThat(_find(Anchor.class, s -> s.withText("下载 Excel 模板（.xlsx）")).get(0).getHref()).isNotBlank();
        Upload upload = _get(Upload.class);
        assertThat(upload.getMaxFileSize()).isEqualTo(5 * 1024 * 1024);
        assertThat(upload.getI18n().getAddFiles().getOne()).isEqualTo("选择文件…");
        assertThat(_get(MultiSelectComboBox.class).getLabel()).isEqualTo("题库（不选则为全部题库）");
    }

    @Test
    void a_learner_is_shown_the_not_found_page_instead_of_the_import() {
        login("wangzh");
        UI.getCurrent().navigate("quiz/import");

        _assertNone(QuestionImportView.class);
        _assertNone(Upload.class);
    }

    @Test
    void uploading_a_broken_file_imports_nothing_and_lists_every_problem_with_line_and_column() {
        login("lihm");
        UI.getCurrent().navigate("quiz/import");
        String bank = "界面坏" + TestData.next();
        String aiken = """
                谁是第一责任人？
                A. 党委书记
                B. 纪委书记
                ANSWER: C
                标签：第一责任人

                一岗双责是什么？
                A. 两手抓
                B. 只抓业务
                """;

        @SuppressWarnings("unchecked")
        ComboBox<String> defaultBank = _get(ComboBox.class, s -> s.withLabel("未写题库的题目归入"));
        defaultBank.setValue(bank);
        UploadKt._upload(_get(Upload.class), "坏题.txt", "text/plain", aiken.getBytes(StandardCharsets.UTF_8));

        assertThat(_find(Span.class, s -> s.withText("未导入任何题目"))).hasSize(1);
        Div list = _get(Div.class, s -> s.withClasses("mingze-question-import-problems"));
        assertThat(list.getChildren().map(c -> ((Div) c).getChildren().map(t -> ((Span) t).getText()).toList()))
                .containsExactly(
                        java.util.List.of("第 1 行 · 解析", "请填写解析：说明为什么这样答、依据是什么。学员答题后会看到解析。"),
                        java.util.List.of("第 4 行 · 答案", "答案 C 没有对应的选项（选项只到 B），请改正答案或补充选项。"),
                        java.util.List.of("第 7 行 · 答案", "这道题缺少答案行：请在最后一个选项下面写“ANSWER: B”（B 为正确选项的字母）。"),
                        java.util.List.of("第 7 行 · 解析", "请填写解析：说明为什么这样答、依据是什么。学员答题后会看到解析。"),
                        java.util.List.of("第 7 行 · 标签", "请至少填写一个标签：练习和错题本按标签归类。"));
        assertThat(questions.search(QuestionFilter.all().withBank(bank), 0, 10).total()).isZero();
    }

    @Test
    void uploading_a_good_file_shows_the_counts_and_the_questions_are_there() {
        login("lihm");
        UI.getCurrent().navigate("quiz/import");
        String bank = "界面好" + TestData.next();
        String yaml = "bank: " + bank + "\nquestions:\n"
                + "  - id: ui-" + TestData.next() + "\n    type: judge\n    stem: 一岗双责要求两手抓。\n"
                + "    answer: true\n    explanation: 两手抓。\n    tags: [一岗双责]\n"
                + "  - id: ui-" + TestData.next() + "\n    type: fill\n    stem: 集体责任是___。\n"
                + "    answer: [[基础]]\n    explanation: 三者关系。\n    tags: [主体责任]\n";

        UploadKt._upload(_get(Upload.class), "好题.yaml", "application/yaml", yaml.getBytes(StandardCharsets.UTF_8));

        assertThat(_find(Span.class, s -> s.withText("导入成功：新增 2 道，更新 0 道，0 道无变化。"))).hasSize(1);
        _assertNone(Div.class, s -> s.withClasses("mingze-question-import-problems"));
        assertThat(questions.search(QuestionFilter.all().withBank(bank), 0, 10).total()).isEqualTo(2);
    }

    @Test
    void exporting_a_bank_offers_the_file_and_names_what_aiken_leaves_out() {
        login("lihm");
        UI.getCurrent().navigate("quiz/import");
        String bank = "主体责任基础知识";

        @SuppressWarnings("unchecked")
        MultiSelectComboBox<String> banks = _get(MultiSelectComboBox.class);
        banks.setValue(Set.of(bank));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<QuestionFormat> format = _get(RadioButtonGroup.class);
        format.setValue(QuestionFormat.AIKEN);
        _click(_get(Button.class, s -> s.withClasses("mingze-question-export")));

        Paragraph ready = _get(Paragraph.class, s -> s.withClasses("mingze-export-ready"));
        assertThat(ready.getText()).startsWith("已生成“主体责任基础知识.txt”，共 ");
        assertThat(_get(Anchor.class, s -> s.withClasses("mingze-export-download")).getHref()).isNotBlank();
        assertThat(_get(Div.class, s -> s.withClasses("mingze-export-notes")).getElement().getTextRecursively())
                .contains("道题无法用这种格式表达，未导出", "ztzr-004：Aiken 只能表达单选题。");
    }
}
