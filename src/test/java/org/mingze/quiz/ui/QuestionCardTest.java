package org.mingze.quiz.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mingze.KaribuTest;
import org.mingze.quiz.AnswerKey;
import org.mingze.quiz.Feedback;
import org.mingze.quiz.Grade;
import org.mingze.quiz.Question;
import org.mingze.quiz.QuestionType;
import org.mingze.quiz.Response;
import org.mingze.quiz.ShownQuestion;

class QuestionCardTest extends KaribuTest {

    private static Question question(QuestionType type, String stem, List<String> options, AnswerKey key) {
        return new Question("c-1", 1, "测试", type, stem, options, key, "党委书记是第一责任人。", "zhuti/diyi-zeren#yi",
                List.of(), "测试", 2, new BigDecimal("2"), false);
    }

    private static QuestionCard show(Question q) {
        QuestionCard card = new QuestionCard(ShownQuestion.of(q), 3);
        UI.getCurrent().add(card);
        return card;
    }

    @Test
    void a_single_choice_shows_lettered_options_and_no_answer_until_feedback() {
        Question q = question(QuestionType.SINGLE, "谁是第一责任人？", List.of("副书记", "党委书记", "纪委书记"),
                new AnswerKey.Choices(List.of(1)));
        QuestionCard card = show(q);
        assertThat(card.getElement().getTextRecursively()).contains("第 3 题", "谁是第一责任人？", "2 分")
                .doesNotContain("党委书记是第一责任人", "正确答案");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Integer> options = _get(card, RadioButtonGroup.class);
        assertThat(options.getItemLabelGenerator().apply(1)).isEqualTo("B. 党委书记");
        HasValueUtilsKt._setValue(options, 1);
        assertThat(card.response()).isEqualTo(Response.choices(List.of(1)));

        card.showFeedback(new Feedback(new Grade(Grade.Outcome.CORRECT, new BigDecimal("2"), new BigDecimal("2")),
                q.answer(), q.explanation(), "library/read/zhuti/diyi-zeren#yi", "第一责任人"));
        assertThat(card.feedbackText()).contains("回答正确，得 2 分", "正确答案：B", "解析：党委书记是第一责任人。", "出处：第一责任人");
        assertThat(options.isReadOnly()).isTrue();
        assertThat(card.getClassNames()).contains("correct");
    }

    @Test
    void multiple_choice_judge_fill_and_essay_turn_into_responses() {
        QuestionCard multiple = show(question(QuestionType.MULTIPLE, "包括？", List.of("甲", "乙", "丙"),
                new AnswerKey.Choices(List.of(0, 2))));
        @SuppressWarnings("unchecked")
        CheckboxGroup<Integer> boxes = _get(multiple, CheckboxGroup.class);
        HasValueUtilsKt._setValue(boxes, Set.of(2, 0));
        assertThat(multiple.response().choices()).containsExactly(0, 2);
        assertThat(multiple.answerText(new AnswerKey.Choices(List.of(0, 2)))).isEqualTo("A、C");

        QuestionCard judge = show(question(QuestionType.JUDGE, "对吗？", List.of(), new AnswerKey.Judge(false)));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Boolean> tf = _get(judge, RadioButtonGroup.class);
        assertThat(tf.getItemLabelGenerator().apply(false)).isEqualTo("错误");
        HasValueUtilsKt._setValue(tf, false);
        assertThat(judge.response()).isEqualTo(Response.judge(false));

        QuestionCard fill = show(question(QuestionType.FILL, "___是第一责任人，___负监督责任。", List.of(),
                new AnswerKey.Blanks(List.of(List.of("党委书记", "书记"), List.of("纪委")))));
        assertThat(_get(fill, Paragraph.class, s -> s.withClasses("mingze-question-stem")).getText())
                .isEqualTo("（1）______是第一责任人，（2）______负监督责任。");
        HasValueUtilsKt._setValue(_get(fill, TextField.class, s -> s.withLabel("第 2 空")), "纪委");
        assertThat(fill.response().blanks()).containsExactly("", "纪委");
        assertThat(fill.answerText(new AnswerKey.Blanks(List.of(List.of("党委书记", "书记"), List.of("纪委")))))
                .isEqualTo("（1）党委书记 / 书记；（2）纪委");

        QuestionCard essay = show(question(QuestionType.ESSAY, "谈谈体会。", List.of(), new AnswerKey.Reference("要点")));
        essay.setResponse(Response.essay("压实责任"));
        assertThat(essay.response().text()).isEqualTo("压实责任");
    }
}
