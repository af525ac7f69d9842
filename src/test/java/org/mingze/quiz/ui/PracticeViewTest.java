package org.mingze.quiz.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.mingze.KaribuTest;
import org.mingze.base.security.Role;
import org.mingze.quiz.Answers;
import org.mingze.quiz.PracticeChoices;
import org.mingze.quiz.PracticeRequest;
import org.mingze.quiz.Question;
import org.mingze.quiz.QuestionType;
import org.mingze.quiz.internal.QuestionStore;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 4's story, as a learner on a phone would go through it (the real bank): practise 10 questions on 一岗双责,
 * get three wrong, find them in the wrong-answer book, and master one by answering it right twice from the book.
 */
class PracticeViewTest extends KaribuTest {

    private static final String TAG = "一岗双责";

    @Autowired
    QuestionStore store;

    private static Button button(String className) {
        return _get(Button.class, spec -> spec.withClasses(className));
    }

    /** Answers the question on screen (rightly or not), submits it and checks the feedback; returns its id. */
    private String answer(PracticeView view, boolean right) {
        return answer(view, right, null);
    }

    /** ... and checks the label of the button that goes on (下一题, or 查看结果 after the last question). */
    private String answer(PracticeView view, boolean right, String nextLabel) {
        QuestionCard card = view.card();
        Question q = store.version(card.question().id(), card.question().version()).orElseThrow();
        Button submit = button("mingze-practice-submit");
        assertThat(submit.isEnabled()).as("nothing answered yet").isFalse();
        assertThat(card.feedbackText()).isEmpty();
        card.setResponse(right ? Answers.right(q) : Answers.wrong(q));
        assertThat(submit.isEnabled()).isTrue();
        _click(submit);
        assertThat(card.feedbackText()).contains(right ? "回答正确" : "回答错误", "正确答案：", "解析：" + q.explanation());
        assertThat(submit.isVisible()).isFalse();
        Button next = button("mingze-practice-next");
        if (nextLabel != null) {
            assertThat(next.getText()).isEqualTo(nextLabel);
        }
        _click(next);
        return q.id();
    }

    private String text(String className) {
        return _get(Paragraph.class, spec -> spec.withClasses(className)).getText();
    }

    private static Details group(String tag) {
        return _find(Details.class, spec -> spec.withClasses("mingze-wrong-book-group")).stream()
                .filter(d -> tag.equals(d.getElement().getAttribute("data-tag"))).findFirst().orElseThrow();
    }

    private static List<String> entries(Details group) {
        return _find(group, Div.class, spec -> spec.withClasses("mingze-wrong-book-entry")).stream()
                .map(d -> d.getElement().getAttribute("data-question")).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_learner_practises_ten_on_a_tag_finds_three_wrong_in_the_book_and_masters_one() {
        login(data.account(data.branch(), Role.LEARNER).getUsername());
        UI.getCurrent().navigate("practice");
        List<Paragraph> rules = _find(Paragraph.class, spec -> spec.withClasses("mingze-practice-rules"));
        assertThat(rules).anySatisfy(p -> assertThat(p.getText()).contains("不计时", "连续答对两次"));
        assertThat(rules).anySatisfy(p -> assertThat(p.getText()).contains("少选", "一半分", "错选", "不得分"));

        RadioButtonGroup<PracticeRequest.Source> source = _get(RadioButtonGroup.class,
                spec -> spec.withClasses("mingze-practice-source"));
        HasValueUtilsKt._setValue(source, PracticeRequest.Source.TAG);
        ComboBox<PracticeChoices.Choice> choice = _get(ComboBox.class, spec -> spec.withClasses("mingze-practice-choice"));
        PracticeChoices.Choice yigang = choice.getListDataView().getItems().filter(c -> c.value().equals(TAG))
                .findFirst().orElseThrow();
        assertThat(choice.getItemLabelGenerator().apply(yigang)).startsWith(TAG + "（").endsWith(" 题）");
        HasValueUtilsKt._setValue(choice, yigang);
        RadioButtonGroup<Integer> count = _get(RadioButtonGroup.class, spec -> spec.withClasses("mingze-practice-count"));
        HasValueUtilsKt._setValue(count, 10);
        _click(button("mingze-practice-start"));

        PracticeView view = _get(PracticeView.class);
        assertThat(view.practice().questions()).hasSize(10);
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            assertThat(text("mingze-practice-progress")).isEqualTo("第 " + (i + 1) + " 题，共 10 题");
            String id = answer(view, i >= 3, i == 9 ? "查看结果" : "下一题");
            if (i < 3) {
                missed.add(id);
            }
        }
        assertThat(text("mingze-practice-summary")).isEqualTo("共 10 题，作答 10 题：答对 7 题，部分正确 0 题，答错 3 题。");
        assertThat(text("mingze-practice-summary-book")).startsWith("本次有 3 道题收入错题本");
        assertThat(_find(Button.class, spec -> spec.withClasses("mingze-practice-again"))).hasSize(1);

        _click(button("mingze-practice-to-book"));
        _get(WrongBookView.class);
        Details yigangGroup = group(TAG);
        assertThat(yigangGroup.getSummaryText()).isEqualTo(TAG + "（3 题）");
        assertThat(entries(yigangGroup)).containsExactlyInAnyOrderElementsOf(missed);
        assertThat(_get(Div.class, spec -> spec.withClasses("mingze-wrong-book-total")).getElement().getTextRecursively())
                .isEqualTo("共 3 道错题");

        // from the book: the first missed question right, the other two wrong; twice
        String mastered = missed.get(0);
        for (int round = 1; round <= 2; round++) {
            _click(_get(group(TAG), Button.class, spec -> spec.withClasses("mingze-wrong-book-again")));
            PracticeView again = _get(PracticeView.class);
            assertThat(again.practice().questions()).extracting(q -> q.id())
                    .containsExactlyInAnyOrderElementsOf(missed);
            for (int i = 0; i < 3; i++) {
                answer(again, again.card().question().id().equals(mastered));
            }
            assertThat(text("mingze-practice-summary-book")).contains((round == 2 ? 1 : 0) + " 道题因连续答对两次移出");
            _click(button("mingze-practice-to-book"));
            if (round == 1) {
                String facts = _find(group(TAG), Div.class, spec -> spec.withClasses("mingze-wrong-book-entry"))
                        .stream().filter(d -> mastered.equals(d.getElement().getAttribute("data-question")))
                        .findFirst().orElseThrow().getElement().getTextRecursively();
                assertThat(facts).contains("答错 1 次", "已连续答对 1 次", "再答对 1 次即移出");
            }
        }
        assertThat(entries(group(TAG))).containsExactlyInAnyOrderElementsOf(missed.subList(1, 3));
        assertThat(_get(Div.class, spec -> spec.withClasses("mingze-wrong-book-total")).getElement().getTextRecursively())
                .isEqualTo("共 2 道错题");
    }

    @Test
    void a_multiple_choice_question_says_how_it_is_scored_and_an_empty_book_says_how_it_fills() {
        login(data.account(data.branch(), Role.LEARNER).getUsername());
        UI.getCurrent().navigate("practice/wrong");
        assertThat(text("mingze-empty")).contains("错题本是空的");
        assertThat(_find(Details.class)).isEmpty();

        UI.getCurrent().navigate("practice");
        PracticeView view = _get(PracticeView.class);
        view.start(PracticeRequest.tag(TAG, 50));
        Predicate<PracticeView> onMultiple = v -> v.card().question().type() == QuestionType.MULTIPLE;
        while (!onMultiple.test(view)) {
            assertThat(_find(Paragraph.class, spec -> spec.withClasses("mingze-practice-note"))).isEmpty();
            answer(view, true);
        }
        assertThat(text("mingze-practice-note")).isEqualTo("多选题：少选得一半分，错选不得分。");
        Question q = store.version(view.card().question().id(), view.card().question().version()).orElseThrow();
        view.card().setResponse(Answers.partial(q));
        _click(button("mingze-practice-submit"));
        assertThat(view.card().feedbackText()).contains("部分正确");
        assertThat(view.card().getClassNames()).contains("partial");
        assertThat(Set.of(view.card().question().type())).containsExactly(QuestionType.MULTIPLE);
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_address_with_a_tag_preselects_it_and_starting_without_a_choice_says_what_is_missing() {
        login(data.account(data.branch(), Role.LEARNER).getUsername());
        UI.getCurrent().navigate("practice", com.vaadin.flow.router.QueryParameters.of("tag", TAG));
        ComboBox<PracticeChoices.Choice> choice = _get(ComboBox.class, spec -> spec.withClasses("mingze-practice-choice"));
        assertThat(choice.getValue()).isNotNull().satisfies(c -> assertThat(c.value()).isEqualTo(TAG));

        RadioButtonGroup<PracticeRequest.Source> source = _get(RadioButtonGroup.class,
                spec -> spec.withClasses("mingze-practice-source"));
        HasValueUtilsKt._setValue(source, PracticeRequest.Source.MATERIAL);
        assertThat(choice.getValue()).isNull();
        assertThat(choice.getLabel()).isEqualTo("学习资料");
        _click(button("mingze-practice-start"));
        assertThat(choice.isInvalid()).isTrue();
        assertThat(choice.getErrorMessage()).isEqualTo("请先选择要练习的题库、标签或学习资料。");
        assertThat(_get(PracticeView.class).practice()).isNull();
    }
}
