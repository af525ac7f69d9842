package org.mingze.quiz.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.mingze.quiz.AnswerKey;
import org.mingze.quiz.Feedback;
import org.mingze.quiz.Grade;
import org.mingze.quiz.Question;
import org.mingze.quiz.Response;
import org.mingze.quiz.ShownQuestion;

/**
 * One question as the learner sees it, the same in practice, tests and the editor's preview: the stem (blanks
 * numbered), the options A, B, ... as radio buttons or check boxes, 正确/错误 for a judge question, one field per blank,
 * a text area for an essay. It holds no answer: {@link #showFeedback} receives it only after the learner answered.
 */
class QuestionCard extends Div {

    private final ShownQuestion question;
    private RadioButtonGroup<Integer> single;
    private CheckboxGroup<Integer> multiple;
    private RadioButtonGroup<Boolean> judge;
    private final List<TextField> blanks = new ArrayList<>();
    private TextArea essay;
    private final Div feedback = new Div();

    QuestionCard(ShownQuestion question, int number) {
        this.question = question;
        addClassName("mingze-question");
        Div head = new Div();
        head.addClassName("mingze-question-head");
        Span no = new Span(getTranslation("quiz.card.number", number));
        no.addClassName("mingze-question-number");
        Span type = new Span(getTranslation("quiz.type." + question.type().name()));
        type.getElement().getThemeList().add("badge small");
        Span points = new Span(getTranslation("quiz.card.points", question.points().stripTrailingZeros().toPlainString()));
        points.addClassName("mingze-question-points");
        head.add(no, type, points);
        Paragraph stem = new Paragraph(stemText());
        stem.addClassName("mingze-question-stem");
        add(head, stem, answerArea());
        feedback.addClassName("mingze-question-feedback");
        feedback.setVisible(false);
        add(feedback);
    }

    /** The stem with each blank shown as a numbered gap: "（1）______". */
    private String stemText() {
        if (question.blanks() == 0) {
            return question.stem();
        }
        StringBuilder out = new StringBuilder();
        var m = Question.BLANK.matcher(question.stem());
        int i = 0;
        int last = 0;
        while (m.find()) {
            out.append(question.stem(), last, m.start()).append("（").append(++i).append("）______");
            last = m.end();
        }
        return out.append(question.stem().substring(last)).toString();
    }

    private Component answerArea() {
        List<Integer> indexes = IntStream.range(0, question.options().size()).boxed().toList();
        switch (question.type()) {
            case SINGLE -> {
                single = new RadioButtonGroup<>();
                single.setItems(indexes);
                single.setItemLabelGenerator(this::optionLabel);
                single.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
                single.addClassName("mingze-question-options");
                return single;
            }
            case MULTIPLE -> {
                multiple = new CheckboxGroup<>();
                multiple.setItems(indexes);
                multiple.setItemLabelGenerator(this::optionLabel);
                multiple.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
                multiple.setHelperText(getTranslation("quiz.card.multiple-hint"));
                multiple.addClassName("mingze-question-options");
                return multiple;
            }
            case JUDGE -> {
                judge = new RadioButtonGroup<>();
                judge.setItems(true, false);
                judge.setItemLabelGenerator(b -> getTranslation(b ? "quiz.judge.true" : "quiz.judge.false"));
                judge.addClassName("mingze-question-options");
                return judge;
            }
            case FILL -> {
                Div fields = new Div();
                fields.addClassName("mingze-question-blanks");
                for (int i = 1; i <= question.blanks(); i++) {
                    TextField f = new TextField(getTranslation("quiz.card.blank", i));
                    f.setMaxLength(200);
                    f.setWidthFull();
                    blanks.add(f);
                    fields.add(f);
                }
                return fields;
            }
            default -> {
                essay = new TextArea(getTranslation("quiz.card.essay"));
                essay.setMaxLength(5000);
                essay.setWidthFull();
                essay.setMinHeight("8rem");
                return essay;
            }
        }
    }

    private String optionLabel(int index) {
        return Question.letter(index) + ". " + question.options().get(index);
    }

    ShownQuestion question() {
        return question;
    }

    /** What the learner has entered so far. */
    Response response() {
        return switch (question.type()) {
            case SINGLE -> Response.choices(single.getValue() == null ? List.of() : List.of(single.getValue()));
            case MULTIPLE -> Response.choices(List.copyOf(multiple.getValue()));
            case JUDGE -> judge.getValue() == null ? Response.EMPTY : Response.judge(judge.getValue());
            case FILL -> Response.blanks(blanks.stream().map(TextField::getValue).toList());
            case ESSAY -> Response.essay(essay.getValue());
        };
    }

    /** Puts a saved response back (a test resumed after a reload). */
    void setResponse(Response r) {
        switch (question.type()) {
            case SINGLE -> single.setValue(r.choices().isEmpty() ? null : r.choices().get(0));
            case MULTIPLE -> multiple.setValue(new java.util.LinkedHashSet<>(r.choices()));
            case JUDGE -> judge.setValue(r.judge());
            case FILL -> {
                for (int i = 0; i < blanks.size(); i++) {
                    blanks.get(i).setValue(i < r.blanks().size() ? r.blanks().get(i) : "");
                }
            }
            case ESSAY -> essay.setValue(r.text() == null ? "" : r.text());
        }
    }

    /** Called whenever the learner changes the answer. */
    void addAnswerListener(Runnable listener) {
        if (single != null) {
            single.addValueChangeListener(e -> listener.run());
        }
        if (multiple != null) {
            multiple.addValueChangeListener(e -> listener.run());
        }
        if (judge != null) {
            judge.addValueChangeListener(e -> listener.run());
        }
        blanks.forEach(f -> f.addValueChangeListener(e -> listener.run()));
        if (essay != null) {
            essay.addValueChangeListener(e -> listener.run());
        }
    }

    void setReadOnly(boolean readOnly) {
        if (single != null) {
            single.setReadOnly(readOnly);
        }
        if (multiple != null) {
            multiple.setReadOnly(readOnly);
        }
        if (judge != null) {
            judge.setReadOnly(readOnly);
        }
        blanks.forEach(f -> f.setReadOnly(readOnly));
        if (essay != null) {
            essay.setReadOnly(readOnly);
        }
    }

    /** Shows the result, the correct answer, the explanation and a link to the section; the answer locks. */
    void showFeedback(Feedback f) {
        setReadOnly(true);
        feedback.removeAll();
        Grade g = f.grade();
        String outcome = g.outcome().name().toLowerCase(java.util.Locale.ROOT);
        removeClassNames("correct", "partial", "wrong", "unanswered", "manual");
        addClassName(outcome);
        Paragraph verdict = new Paragraph(getTranslation("quiz.outcome." + outcome,
                g.points().stripTrailingZeros().toPlainString(), g.max().stripTrailingZeros().toPlainString()));
        verdict.addClassName("mingze-question-verdict");
        feedback.add(verdict);
        Paragraph answer = new Paragraph(getTranslation("quiz.card.answer", answerText(f.answer())));
        answer.addClassName("mingze-question-answer");
        feedback.add(answer);
        if (f.explanation() != null && !f.explanation().isBlank()) {
            Paragraph why = new Paragraph(getTranslation("quiz.card.explanation", f.explanation()));
            why.addClassName("mingze-question-explanation");
            feedback.add(why);
        }
        if (f.sourceUrl() != null) {
            Anchor source = new Anchor(f.sourceUrl(), getTranslation("quiz.card.source",
                    f.sourceTitle() == null ? f.sourceUrl() : f.sourceTitle()));
            source.addClassName("mingze-question-source");
            feedback.add(new Div(source));
        }
        feedback.setVisible(true);
    }

    String feedbackText() {
        return feedback.isVisible() ? feedback.getElement().getTextRecursively() : "";
    }

    /** The correct answer in words: "B", "A、C、D", "错误", "（1）党委书记 / 书记；（2）纪委", or the reference text. */
    String answerText(AnswerKey key) {
        if (key instanceof AnswerKey.Choices c) {
            return String.join(getTranslation("common.list-separator"),
                    c.correct().stream().map(Question::letter).toList());
        }
        if (key instanceof AnswerKey.Judge j) {
            return getTranslation(j.value() ? "quiz.judge.true" : "quiz.judge.false");
        }
        if (key instanceof AnswerKey.Blanks b) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < b.accepted().size(); i++) {
                parts.add("（" + (i + 1) + "）" + String.join(" / ", b.accepted().get(i)));
            }
            return String.join("；", parts);
        }
        return key instanceof AnswerKey.Reference r ? r.text() : "";
    }
}
