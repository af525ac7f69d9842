package org.mingze.quiz.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mingze.KaribuTest;
import org.mingze.TestData;
import org.mingze.library.internal.LibraryContent;
import org.mingze.quiz.QuestionService;
import org.mingze.quiz.QuestionType;
import org.mingze.quiz.Questions;
import org.mingze.quiz.QuizFixtures;
import org.mingze.quiz.QuizTest;
import org.mingze.quiz.internal.QuizContent;
import org.springframework.beans.factory.annotation.Autowired;

/** 题库管理: filters, cards that open the editor, and the administrator's reload and rejected bank files. */
@QuizTest
class QuestionListViewTest extends KaribuTest {

    @Autowired
    QuizContent content;
    @Autowired
    LibraryContent library;
    @Autowired
    QuestionService questions;

    @BeforeEach
    void fixtures() {
        QuizFixtures.install(library, content);
    }

    /** The ids on the cards now shown. */
    private static List<String> shownIds() {
        QuestionListView view = _get(QuestionListView.class);
        return _find(view.list, Span.class, s -> s.withClasses("mingze-qcard-id")).stream().map(Span::getText)
                .toList();
    }

    @Test
    void an_organiser_filters_by_tag_and_sees_only_questions_carrying_it() {
        login("lihm");
        UI.getCurrent().navigate("quiz/questions");
        _setValue(_get(QuestionListView.class).bank, "测试题库甲");
        assertThat(shownIds()).containsExactly("fa-001", "fa-002", "fa-003", "fa-004");
        _setValue(_get(QuestionListView.class).bank, null);

        _setValue(_get(QuestionListView.class).tag, "一岗双责");

        List<String> ids = shownIds();
        assertThat(ids).contains("fa-002", "fa-003").doesNotContain("fa-001", "fa-004", "fb-001");
        assertThat(ids).allSatisfy(id -> assertThat(questions.get(id).orElseThrow().tags()).contains("一岗双责"));
        assertThat(_get(Span.class, s -> s.withClasses("mingze-library-count")).getText())
                .isEqualTo("共 " + ids.size() + " 道题");
        // one chip per type, counting what the filter leaves (fa-002 is a multiple choice, fa-003 a judge question)
        List<String> chips = _find(Button.class, s -> s.withClasses("mingze-chip")).stream().map(Button::getText)
                .toList();
        for (QuestionType t : QuestionType.values()) {
            long n = ids.stream().filter(id -> questions.get(id).orElseThrow().type() == t).count();
            assertThat(chips).contains(getTranslation("quiz.type." + t.name()) + "（" + n + "）");
        }
        assertThat(chips).contains("全部题型（" + ids.size() + "）");
        // a card opens the editor at quiz/questions/<id>
        RouterLink card = card("fa-002");
        assertThat(card.getHref()).isEqualTo("quiz/questions/fa-002");
        assertThat(card.getElement().getTextRecursively()).contains("多选题", "第一责任人管班子", "测试题库甲",
                "第 1 版", "难度 3 · 中等");
        // organisers create questions, but neither reload banks nor see rejected files
        assertThat(_find(Button.class, s -> s.withText("新建题目"))).hasSize(1);
        assertThat(_find(Button.class, s -> s.withText("重新载入题库"))).isEmpty();
        assertThat(_find(Details.class)).isEmpty();
    }

    private static String getTranslation(String key) {
        return UI.getCurrent().getTranslation(key);
    }

    private static RouterLink card(String id) {
        return _find(RouterLink.class, s -> s.withClasses("mingze-qcard")).stream()
                .filter(l -> l.getHref().equals("quiz/questions/" + id)).findFirst().orElseThrow();
    }

    @Test
    void filters_come_from_the_address_so_that_back_from_the_editor_keeps_them() {
        login("lihm");
        UI.getCurrent().navigate("quiz/questions", QueryParameters.simple(java.util.Map.of("bank", "测试题库甲",
                "type", "judge")));
        assertThat(shownIds()).containsExactly("fa-003");
        assertThat(_get(QuestionListView.class).bank.getValue()).isEqualTo("测试题库甲");
        assertThat(QuestionListView.lastQuery()).isEmpty(); // only a change by the person is remembered

        _setValue(_get(QuestionListView.class).text, "一课");
        assertThat(shownIds()).isEmpty(); // fa-004 is a fill-in question, and the judge filter stays
        assertThat(QuestionListView.lastQuery()).contains("type=judge", "q=");
    }

    @Test
    void retired_questions_are_listed_only_on_request_and_marked() {
        login("lihm");
        String id = "ret-" + TestData.next();
        String bank = "停用测试" + id;
        questions.save(Questions.single().id(id).bank(bank).build());
        questions.retire(id);
        UI.getCurrent().navigate("quiz/questions", QueryParameters.of("bank", bank));
        assertThat(shownIds()).isEmpty();
        _setValue(_get(QuestionListView.class).retired, true);
        assertThat(shownIds()).containsExactly(id);
        assertThat(card(id).getClassNames()).contains("retired");
        assertThat(card(id).getElement().getTextRecursively()).contains("已停用");
    }

    @Test
    void an_auditor_reads_the_list_but_gets_no_button_to_create() {
        login("guolx");
        UI.getCurrent().navigate("quiz/questions");
        assertThat(shownIds()).contains("fa-001");
        assertThat(_find(Button.class, s -> s.withText("新建题目"))).isEmpty();
    }

    @Test
    void an_administrator_reloads_the_banks_and_sees_the_rejected_file_with_line_and_reason() {
        String id = "rej-" + TestData.next();
        String file = id + ".yaml";
        login("admin");
        UI.getCurrent().navigate("quiz/questions");
        Details rejected = _get(Details.class, s -> s.withClasses("mingze-qbank-rejected"));
        assertThat(rejected.getSummaryText()).isEqualTo("未导入的题库文件：0 个（0 处问题）");

        QuizFixtures.writeBank(file, QuizFixtures.bank("损坏的题库" + id, id, "坏题？")
                .replace("answer: A", "answer: [A, B]"));
        NotificationsKt.clearNotifications();
        _click(_get(Button.class, s -> s.withText("重新载入题库")));

        assertThat(NotificationsKt.getNotifications()).hasSize(1);
        assertThat(rejected.getSummaryText()).isEqualTo("未导入的题库文件：1 个（1 处问题）");
        assertThat(rejected.getClassNames()).contains("has-problems");
        String text = rejected.getElement().getTextRecursively();
        assertThat(text).contains("quiz-test-content/questions/" + file + ":7", id,
                "单选题必须恰好有一个正确选项，现在有 2 个");
    }
}
