package org.mingze.quiz.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBoxBase;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mingze.KaribuTest;
import org.mingze.TestData;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.audit.AuditQuery;
import org.mingze.base.audit.AuditRecord;
import org.mingze.library.internal.LibraryContent;
import org.mingze.quiz.AnswerKey;
import org.mingze.quiz.Question;
import org.mingze.quiz.QuestionService;
import org.mingze.quiz.QuestionType;
import org.mingze.quiz.Questions;
import org.mingze.quiz.QuizFixtures;
import org.mingze.quiz.QuizTest;
import org.mingze.quiz.internal.QuizContent;
import org.springframework.beans.factory.annotation.Autowired;

/** The question editor: creating, checking, saving versions, near-duplicates, the preview, retiring, read-only. */
@QuizTest
class QuestionEditorViewTest extends KaribuTest {

    private static final String ORGANISER = "lihm";
    private static final String SOURCE = "zhuti/yigang-shuangze#一岗双责的含义";
    /** A tag of this test's own, so that the list's tests are not disturbed by what this one creates. */
    private static final String TAG = "编辑器测试";

    @Autowired
    QuizContent content;
    @Autowired
    LibraryContent library;
    @Autowired
    QuestionService questions;
    @Autowired
    AuditLog audit;

    @BeforeEach
    void fixtures() {
        QuizFixtures.install(library, content);
    }

    @AfterEach
    void noNotificationsLeft() {
        NotificationsKt.clearNotifications();
    }

    private static String unique(String prefix) {
        return prefix + "-" + TestData.next();
    }

    private static QuestionEditorView editor() {
        return _get(QuestionEditorView.class);
    }

    private static QuestionForm form() {
        return editor().form;
    }

    private static List<String> notifications() {
        return NotificationsKt.getNotifications().stream().map(QuestionEditorViewTest::text).toList();
    }

    private static String text(Notification n) {
        return n.getElement().getProperty("text", n.getElement().getTextRecursively());
    }

    private List<AuditRecord> audited(String action, String id) {
        data.signIn("admin");
        List<AuditRecord> found = audit.search(new AuditQuery(null, action, null, id, null, null), 0, 50)
                .getContent();
        data.signIn(ORGANISER);
        return found;
    }

    /** Fills a new multiple-choice question with four options, B the only one marked correct. */
    private static void fillMultipleWithOneCorrect(String id, String bank) {
        QuestionForm f = form();
        ComboBoxKt._fireCustomValueSet(f.bank, bank);
        _setValue(f.id, id);
        _setValue(f.type, QuestionType.MULTIPLE);
        _setValue(f.stem, "班子成员落实一岗双责，应当做到哪些？（" + id + "）");
        List<String> options = List.of("抓好分管业务", "抓好分管范围的党风廉政建设", "只管业务不管党建", "对分管部门的干部严格管理");
        for (int i = 0; i < options.size(); i++) {
            _setValue(f.rows.get(i).text, options.get(i));
        }
        _setValue(f.rows.get(1).many, true);
        _setValue(f.explanation, "一岗双责要求业务和党风廉政建设两手抓、两手硬。");
        _setValue(f.source, SOURCE);
        ComponentUtil.fireEvent(f.tags, new ComboBoxBase.CustomValueSetEvent<>(f.tags, true, TAG));
    }

    @Test
    void a_multiple_choice_question_with_one_correct_option_is_refused_on_the_options_then_fixed_and_saved_as_version_one() {
        login(ORGANISER);
        String id = unique("ed");
        String bank = unique("编辑器题库");
        UI.getCurrent().navigate("quiz/questions/new");
        fillMultipleWithOneCorrect(id, bank);
        assertThat(form().tags.getValue()).containsExactly(TAG);
        assertThat(form().points.getValue()).isEqualByComparingTo("2"); // a multiple choice's default points

        _click(editor().save);

        assertThat(form().options.isInvalid()).isTrue();
        assertThat(form().options.getErrorMessage()).isEqualTo(
                "多选题至少要有两个正确选项，现在只有 1 个。请再标出正确选项；只有一个正确答案的请改为单选题。");
        assertThat(form().stem.isInvalid()).isFalse();
        assertThat(notifications()).containsExactly("未保存：有 1 处需要改正，已在相应位置标红。");
        assertThat(questions.get(id)).isEmpty();
        assertThat(questions.banks()).noneMatch(b -> b.name().equals(bank));

        // marking D as well clears the message while typing, before saving again
        _setValue(form().rows.get(3).many, true);
        assertThat(form().options.isInvalid()).isFalse();
        _click(editor().save);

        Question saved = questions.get(id).orElseThrow();
        assertThat(saved.version()).isEqualTo(1);
        assertThat(saved.bank()).isEqualTo(bank);
        assertThat(saved.type()).isEqualTo(QuestionType.MULTIPLE);
        assertThat(saved.answer()).isEqualTo(new AnswerKey.Choices(List.of(1, 3)));
        assertThat(saved.options()).hasSize(4).startsWith("抓好分管业务");
        assertThat(saved.source()).isEqualTo(SOURCE);
        assertThat(saved.tags()).containsExactly(TAG);
        assertThat(saved.points()).isEqualByComparingTo("2");
        assertThat(audited("QUESTION_CREATE", id)).singleElement()
                .satisfies(a -> assertThat(a.actor()).isEqualTo(ORGANISER));
        // the editor now shows the stored question, at its own address
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("quiz/questions/" + id);
        assertThat(editor().getPageTitle()).isEqualTo("编辑题目 " + id);
        assertThat(editor().history.getSummaryText()).isEqualTo("版本记录（共 1 版，当前第 1 版）");
        assertThat(notifications()).contains("已保存：" + id + " 第 1 版。");
    }

    @Test
    void editing_makes_version_two_and_leaves_version_one_as_it_was_and_saving_again_says_nothing_changed() {
        login(ORGANISER);
        String id = unique("ed");
        Question v1 = questions.save(Questions.single().id(id).bank(unique("编辑器题库")).tags(TAG, "第一责任人")
                .source("zhuti/diyi-zeren#一什么是第一责任人").build());
        UI.getCurrent().navigate("quiz/questions/" + id);
        assertThat(form().stem.getValue()).isEqualTo(v1.stem());
        assertThat(form().rows.get(1).one.getValue()).isTrue();

        // nothing changed: no new version, and the editor says so
        _click(editor().save);
        assertThat(notifications()).containsExactly("内容没有变化，未生成新版本（仍是第 1 版）。");
        assertThat(questions.history(id)).hasSize(1);
        NotificationsKt.clearNotifications();

        _setValue(form().stem, "谁是落实主体责任的第一责任人？");
        _setValue(form().rows.get(0).one, true); // A becomes the only correct option
        assertThat(form().rows.get(1).one.getValue()).isNull();
        _click(editor().save);

        Question v2 = questions.get(id).orElseThrow();
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.stem()).isEqualTo("谁是落实主体责任的第一责任人？");
        assertThat(v2.answer()).isEqualTo(new AnswerKey.Choices(List.of(0)));
        assertThat(v2.tags()).containsExactly(TAG, "第一责任人");
        assertThat(questions.get(id, 1)).contains(v1);
        assertThat(audited("QUESTION_EDIT", id)).singleElement()
                .satisfies(a -> assertThat(a.detail()).contains("v2", "stem", "answer").doesNotContain("tags"));
        assertThat(notifications()).containsExactly("已保存：" + id + " 第 2 版。");
        String history = editor().history.getElement().getTextRecursively();
        assertThat(editor().history.getSummaryText()).isEqualTo("版本记录（共 2 版，当前第 2 版）");
        assertThat(history).contains("第 2 版", "当前版本", "第 1 版", ORGANISER, "在线编辑");
        assertThat(history.indexOf("第 2 版")).isLessThan(history.indexOf("第 1 版")); // newest first

        // an earlier version shows as the learner saw it, with its answer
        _click(_get(editor().history, Button.class, s -> s.withText("查看")));
        Dialog old = _get(Dialog.class);
        assertThat(old.getHeaderTitle()).isEqualTo(id + " 第 1 版");
        assertThat(old.getElement().getTextRecursively()).contains(v1.stem(), "正确答案：B", "解析：" + v1.explanation());
    }

    @Test
    void leaving_with_unsaved_changes_asks_first_and_stays_on_request() {
        login(ORGANISER);
        UI.getCurrent().navigate("quiz/questions/fa-001");
        UI.getCurrent().navigate("quiz/questions"); // nothing changed: leaves without asking
        assertThat(_find(QuestionEditorView.class)).isEmpty();

        UI.getCurrent().navigate("quiz/questions/fa-001");
        _setValue(form().explanation, "改了一半的解析");
        UI.getCurrent().navigate("quiz/questions");
        ConfirmDialog ask = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(ask)).isEqualTo("放弃未保存的修改？");
        ConfirmDialogKt._fireCancel(ask);
        assertThat(form().explanation.getValue()).isEqualTo("改了一半的解析");

        UI.getCurrent().navigate("quiz/questions");
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(_find(QuestionEditorView.class)).isEmpty();
        assertThat(_get(QuestionListView.class)).isNotNull();
        assertThat(questions.get("fa-001").orElseThrow().explanation()).isNotEqualTo("改了一半的解析");
    }

    @Test
    void a_save_from_a_stale_version_is_refused_by_the_service_and_stores_nothing() {
        login(ORGANISER);
        String id = unique("ed");
        Question v1 = questions.save(Questions.single().id(id).bank(unique("编辑器题库")).tags(TAG).build());
        UI.getCurrent().navigate("quiz/questions/" + id);
        // meanwhile someone else saves version 2
        questions.save(Questions.from(v1).explanation("别人改过的解析。").build());

        _setValue(form().stem, "我的修改？");
        _click(editor().save);

        assertThat(notifications()).singleElement().asString().contains("已被他人修改为第 2 版");
        Question now = questions.get(id).orElseThrow();
        assertThat(now.version()).isEqualTo(2);
        assertThat(now.stem()).isEqualTo(v1.stem());
    }

    @Test
    void a_copied_stem_brings_a_warning_naming_the_similar_question_with_a_link_but_does_not_block() {
        login(ORGANISER);
        UI.getCurrent().navigate("quiz/questions/new");
        assertThat(editor().similar.isVisible()).isFalse();

        _setValue(form().stem, "一岗双责是指领导干部既抓业务工作，又抓分管范围内的党风廉政建设！");

        assertThat(editor().similar.isVisible()).isTrue();
        assertThat(_get(editor().similar, Paragraph.class).getText()).startsWith("注意：题干与下列 1 道已有题目几乎相同");
        Anchor link = _get(editor().similar, Anchor.class);
        assertThat(link.getText()).isEqualTo("fa-003");
        assertThat(link.getHref()).isEqualTo("quiz/questions/fa-003");
        assertThat(editor().similar.getElement().getTextRecursively()).contains("测试题库甲", "相似度");

        _setValue(form().stem, "支部委员会多久召开一次？");
        assertThat(editor().similar.isVisible()).isFalse();
    }

    @Test
    void the_preview_follows_the_form_and_shows_the_feedback_a_learner_gets_after_answering() {
        login(ORGANISER);
        UI.getCurrent().navigate("quiz/questions/new");
        QuestionForm f = form();
        _setValue(f.type, QuestionType.FILL);
        assertThat(f.blankAnswers).isEmpty();
        _setValue(f.stem, "集体责任是___，一岗双责是___。");

        // one answer field per blank, and the preview numbers the blanks as a learner sees them
        assertThat(f.blankAnswers).extracting(TextField::getLabel).containsExactly("第 1 空的答案", "第 2 空的答案");
        assertThat(f.options.isVisible()).isFalse();
        assertThat(f.points.getValue()).isEqualByComparingTo("2");
        QuestionCard card = editor().card;
        assertThat(_get(card, Paragraph.class, s -> s.withClasses("mingze-question-stem")).getText())
                .isEqualTo("集体责任是（1）______，一岗双责是（2）______。");
        assertThat(_find(card, TextField.class)).hasSize(2);

        _setValue(f.blankAnswers.get(0), "基础");
        _setValue(f.blankAnswers.get(1), "支撑 | 支柱");
        _setValue(f.explanation, "集体责任是基础，一岗双责是支撑。");
        _setValue(f.source, "zhuti/diyi-zeren#一什么是第一责任人");
        assertThat(f.draft().answer()).isEqualTo(new AnswerKey.Blanks(List.of(List.of("基础"), List.of("支撑", "支柱"))));
        // answer in the preview as a learner would, then ask for the feedback
        _setValue(_get(editor().card, TextField.class, s -> s.withLabel("第 2 空")), "支柱");
        assertThat(editor().card.feedbackText()).isEmpty();
        _setValue(editor().showFeedback, true);
        assertThat(editor().card.feedbackText()).contains("部分正确，得 1 分（满分 2 分）", "正确答案：（1）基础；（2）支撑 / 支柱",
                "解析：集体责任是基础，一岗双责是支撑。", "出处：");

        // a judge question: 正确/错误 in the form and in the preview, no options, no blanks
        _setValue(editor().showFeedback, false);
        _setValue(f.type, QuestionType.JUDGE);
        assertThat(f.blanks.isVisible()).isFalse();
        assertThat(f.judge.isVisible()).isTrue();
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Boolean> shown = _get(editor().card, RadioButtonGroup.class);
        assertThat(shown.getItemLabelGenerator().apply(true)).isEqualTo("正确");
        assertThat(editor().card.getElement().getTextRecursively()).doesNotContain("支撑");
    }

    @Test
    void the_source_picker_offers_each_material_and_its_sections_by_title_and_can_be_cleared() {
        login(ORGANISER);
        String id = unique("ed");
        questions.save(Questions.single().id(id).bank(unique("编辑器题库")).tags(TAG).source(SOURCE).build());
        UI.getCurrent().navigate("quiz/questions/" + id);
        QuestionForm f = form();
        assertThat(f.source.getValue()).isEqualTo(SOURCE);
        List<String> labels = ComboBoxKt.getSuggestions(f.source);
        assertThat(labels).contains("领导干部的“一岗双责”", "领导干部的“一岗双责” › 一岗双责的含义");
        assertThat(f.source.getItemLabelGenerator().apply(SOURCE)).isEqualTo("领导干部的“一岗双责” › 一岗双责的含义");

        _setValue(f.source, null);
        _click(editor().save);

        assertThat(questions.get(id).orElseThrow().source()).isNull();
        assertThat(questions.get(id).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void options_are_added_and_removed_between_two_and_eight_and_relabelled() {
        login(ORGANISER);
        UI.getCurrent().navigate("quiz/questions/new");
        QuestionForm f = form();
        assertThat(f.rows).hasSize(4);
        for (int i = 0; i < 4; i++) {
            _click(f.addOption);
        }
        assertThat(f.rows).hasSize(8);
        assertThat(f.addOption.isVisible()).isFalse();
        assertThat(f.rows.get(7).text.getLabel()).isEqualTo("选项 H");
        _setValue(f.rows.get(2).text, "丙");
        _click(f.rows.get(0).remove);
        assertThat(f.rows.get(1).text.getValue()).isEqualTo("丙");
        assertThat(f.rows.get(1).text.getLabel()).isEqualTo("选项 B");
        while (f.rows.size() > 2) {
            _click(f.rows.get(0).remove);
        }
        _click(f.rows.get(0).remove);
        assertThat(f.rows).hasSize(2);
        assertThat(editor().card.question().options()).hasSize(2);
    }

    @Test
    void an_organiser_retires_and_restores_a_question_after_confirming() {
        login(ORGANISER);
        String id = unique("ed");
        questions.save(Questions.single().id(id).bank(unique("编辑器题库")).tags(TAG).build());
        UI.getCurrent().navigate("quiz/questions/" + id);

        _click(_get(Button.class, s -> s.withText("停用")));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(confirm)).isEqualTo("停用题目 " + id + "？");
        ConfirmDialogKt._fireConfirm(confirm);

        assertThat(questions.get(id).orElseThrow().retired()).isTrue();
        assertThat(editor().getElement().getTextRecursively()).contains("这道题已停用");

        _click(_get(Button.class, s -> s.withText("恢复")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(questions.get(id).orElseThrow().retired()).isFalse();
        assertThat(questions.history(id)).hasSize(1); // retiring is no new version
    }

    @Test
    void an_auditor_sees_the_editor_read_only_without_a_save_button() {
        login("guolx");
        UI.getCurrent().navigate("quiz/questions/fa-002");
        QuestionForm f = form();
        assertThat(f.stem.getValue()).startsWith("第一责任人管班子");
        assertThat(f.stem.isReadOnly()).isTrue();
        assertThat(f.explanation.isReadOnly()).isTrue();
        assertThat(f.rows).allSatisfy(r -> {
            assertThat(r.text.isReadOnly()).isTrue();
            assertThat(r.many.isReadOnly()).isTrue();
            assertThat(r.remove.isVisible()).isFalse();
        });
        assertThat(f.rows.get(0).many.getValue()).isTrue(); // the answer is there to read: A, B, D
        assertThat(f.addOption.isVisible()).isFalse();
        assertThat(editor().save).isNull();
        assertThat(_find(Button.class, s -> s.withText("保存"))).isEmpty();
        assertThat(_find(Button.class, s -> s.withText("停用"))).isEmpty();
        assertThat(editor().getElement().getTextRecursively()).contains("只读：审计员可以查看题目和版本记录");
        assertThat(editor().history.getSummaryText()).startsWith("版本记录（共 1 版");

        UI.getCurrent().navigate("quiz/questions/new");
        assertThat(editor().form).isNull();
        assertThat(editor().getElement().getTextRecursively()).contains("审计员可以查看题库，不能新建题目。");
    }

    @Test
    void an_unknown_id_says_so_inside_the_editor() {
        login(ORGANISER);
        UI.getCurrent().navigate("quiz/questions/no-such-question");
        assertThat(editor().form).isNull();
        assertThat(editor().getElement().getTextRecursively()).contains("找不到编号为“no-such-question”的题目");
    }

    @Test
    void a_new_question_in_the_list_bank_gets_the_next_number_of_that_bank() {
        login(ORGANISER);
        String prefix = "nb" + TestData.next();
        String bank = unique("编号题库");
        questions.save(Questions.single().id(prefix + "-007").bank(bank).tags(TAG).build());
        UI.getCurrent().navigate("quiz/questions/new", com.vaadin.flow.router.QueryParameters.of("bank", bank));
        QuestionForm f = form();
        assertThat(f.bank.getValue()).isEqualTo(bank);
        _setValue(f.type, QuestionType.JUDGE);
        _setValue(f.stem, "支部党员大会一般每季度召开一次。");
        _setValue(f.judge, true);
        _setValue(f.explanation, "支部党员大会一般每季度召开一次。");
        _setValue(f.tags, Set.of("三会一课"));
        _setValue(f.points, new BigDecimal("1.5"));
        _click(editor().save);

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("quiz/questions/" + prefix + "-008");
        Question q = questions.get(prefix + "-008").orElseThrow();
        assertThat(q.bank()).isEqualTo(bank);
        assertThat(q.answer()).isEqualTo(new AnswerKey.Judge(true));
        assertThat(q.points()).isEqualByComparingTo("1.5");
        assertThat(q.options()).isEmpty();
    }
}
