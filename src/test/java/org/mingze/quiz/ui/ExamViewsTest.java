package org.mingze.quiz.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.List;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mingze.KaribuTest;
import org.mingze.library.MutableClock;
import org.mingze.quiz.Question;
import org.mingze.quiz.exam.AttemptService;
import org.mingze.quiz.exam.Exam;
import org.mingze.quiz.exam.ExamFixture;
import org.mingze.quiz.exam.ExamTest;
import org.mingze.quiz.exam.Navigation;
import org.springframework.beans.factory.annotation.Autowired;

/** Taking a test without a browser: answers saved one by one, resumed after a reload, nothing released early. */
@ExamTest
class ExamViewsTest extends KaribuTest {

    @Autowired
    ExamFixture fixture;
    @Autowired
    AttemptService attempts;
    @Autowired
    MutableClock clock;

    ExamFixture.Branch branch;
    List<Question> questions;
    Exam exam;

    @BeforeEach
    void setUp() {
        clock.reset();
        branch = fixture.branch();
        questions = fixture.singles(fixture.bankName(), 3);
        exam = fixture.fixedExam(branch, questions, s -> s);
        logout();
        login(branch.learner());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @SuppressWarnings("unchecked")
    private RadioButtonGroup<Integer> options() {
        return _get(RadioButtonGroup.class, s -> s.withClasses("mingze-question-options"));
    }

    @Test
    void the_learner_finds_the_test_reads_the_rules_and_an_answer_is_marked_saved_only_after_the_server_stored_it() {
        UI.getCurrent().navigate("exams");
        assertThat(_find(Div.class, s -> s.withClasses("mingze-exam-card"))).isNotEmpty();
        UI.getCurrent().navigate("exams/start/" + exam.id());
        assertThat(_get(Div.class, s -> s.withClasses("mingze-exam-rules")).getElement().getTextRecursively())
                .contains("30 分钟");

        UI.getCurrent().navigate("exams/take/" + exam.id());
        options().setValue(1);

        assertThat(_find(Span.class, s -> s.withClasses("mingze-exam-saved")).get(0).getText()).startsWith("已保存");
        assertThat(_get(Span.class, s -> s.withClasses("mingze-exam-progress")).getText()).isEqualTo("已答 1/3");
    }

    @Test
    void after_a_reload_every_saved_answer_is_back() {
        UI.getCurrent().navigate("exams/take/" + exam.id());
        options().setValue(2);
        _click(_get(Button.class, s -> s.withClasses("mingze-exam-next")));
        options().setValue(0);

        UI.getCurrent().getPage().reload();
        UI.getCurrent().navigate("exams/take/" + exam.id());

        assertThat(options().getValue()).as("the first question").isEqualTo(2);
        _click(_get(Button.class, s -> s.withClasses("mingze-exam-next")));
        assertThat(options().getValue()).as("the second question").isEqualTo(0);
    }

    @Test
    void one_question_per_page_holds_only_the_shown_question_and_going_back_shows_the_answer_and_its_saved_mark() {
        VaadinSession.getCurrent().setAttribute(ExamTakeView.ALL_ON_ONE_PAGE, false);
        UI.getCurrent().navigate("exams/take/" + exam.id());
        assertThat(_find(QuestionCard.class)).hasSize(1);
        options().setValue(2);
        _click(_get(Button.class, s -> s.withClasses("mingze-exam-next")));
        assertThat(_find(QuestionCard.class)).hasSize(1);
        assertThat(options().getValue()).as("the second question, not answered yet").isNull();

        _click(_get(Button.class, s -> s.withClasses("mingze-exam-prev")));

        assertThat(_find(QuestionCard.class)).hasSize(1);
        assertThat(options().getValue()).as("the first question's answer").isEqualTo(2);
        assertThat(_get(ExamTakeView.class).builtCards()).as("cards held by the page").isEqualTo(1);
        assertThat(_get(Span.class, s -> s.withClasses("mingze-exam-saved")).getText()).startsWith("已保存");
        _setValue(_get(Checkbox.class, s -> s.withClasses("mingze-exam-one-page")), true);
        assertThat(_find(QuestionCard.class)).hasSize(3);
    }

    @Test
    void the_navigator_is_plain_buttons_that_open_a_question_and_a_sequential_test_ignores_a_jump_ahead() {
        VaadinSession.getCurrent().setAttribute(ExamTakeView.ALL_ON_ONE_PAGE, false);
        UI.getCurrent().navigate("exams/take/" + exam.id());
        String html = _get(ExamTakeView.class).navigatorHtml();
        var buttons = org.jsoup.Jsoup.parseBodyFragment(html).select("button");
        assertThat(buttons).hasSize(3);
        assertThat(buttons.get(2).attr("data-p")).isEqualTo("2");
        assertThat(buttons.get(0).className()).contains("current");
        assertThat(buttons.get(1).attr("aria-label")).contains("未答");

        // a save changes one button in the browser: the navigator is not rebuilt on the server
        options().setValue(1);
        assertThat(_get(ExamTakeView.class).navigatorHtml()).isSameAs(html);
        assertThat(_get(Span.class, s -> s.withClasses("mingze-exam-progress")).getText()).contains("已答 1/3");

        _get(ExamTakeView.class).navigate(2);
        assertThat(_get(Span.class, s -> s.withClasses("mingze-question-number")).getText()).contains("3");

        Exam sequential = fixture.fixedExam(branch, questions, s -> s.withNavigation(Navigation.SEQUENTIAL));
        UI.getCurrent().navigate("exams/take/" + sequential.id());
        _get(ExamTakeView.class).navigate(2); // what a forged click would ask
        assertThat(_get(Span.class, s -> s.withClasses("mingze-question-number")).getText()).contains("1");
    }

    @Test
    void nothing_of_the_key_or_the_explanation_is_in_the_page_during_the_attempt() {
        UI.getCurrent().navigate("exams/take/" + exam.id());
        UI.getCurrent().getChildren(); // the whole tree below
        String page = UI.getCurrent().getElement().getTextRecursively();

        assertThat(_find(Paragraph.class, s -> s.withClasses("mingze-question-answer"))).isEmpty();
        assertThat(_find(Paragraph.class, s -> s.withClasses("mingze-question-explanation"))).isEmpty();
        for (Question q : questions) {
            if (q.explanation() != null && !q.explanation().isBlank()) {
                assertThat(page).doesNotContain(q.explanation());
            }
        }
    }

    @Test
    void a_page_taken_over_by_another_tab_says_so_and_stops_saving() {
        UI.getCurrent().navigate("exams/take/" + exam.id());
        attempts.startOrResume(exam.id()); // another tab or device opens the same attempt

        options().setValue(1);

        assertThat(_get(Paragraph.class, s -> s.withClasses("mingze-exam-banner")).getText())
                .contains("另一个页面或设备");
        assertThat(options().isReadOnly()).isTrue();
    }

    @Test
    void submitting_asks_first_names_the_unanswered_and_shows_the_result_the_policy_allows() {
        UI.getCurrent().navigate("exams/take/" + exam.id());
        options().setValue(1);
        _click(_get(Button.class, s -> s.withClasses("mingze-exam-submit")));

        ConfirmDialog dialog = _get(ConfirmDialog.class);
        assertThat(dialog.getElement().getProperty("message")).contains("还有 2 题未作答").contains("2、3");
        ConfirmDialogKt._fireConfirm(dialog);

        assertThat(_get(Div.class, s -> s.withClasses("mingze-exam-score")).getElement().getTextRecursively())
                .contains("满分");
    }
}
