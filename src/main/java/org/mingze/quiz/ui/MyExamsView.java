package org.mingze.quiz.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import org.mingze.base.i18n.Formats;
import org.mingze.quiz.exam.AttemptService;
import org.mingze.quiz.exam.ExamCard;

/** 我的考试: the tests the signed-in person may take, are taking or took, with their state and a way in. */
@Route("exams")
@PermitAll
@Menu(title = "menu.my-exams", order = 29, icon = "vaadin:diploma")
class MyExamsView extends VerticalLayout implements HasDynamicTitle {

    MyExamsView(AttemptService attempts) {
        addClassName("mingze-my-exams");
        add(new H2(getTranslation("exam.ui.mine.title")));
        List<ExamCard> cards = attempts.myExams();
        if (cards.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("exam.ui.mine.none"));
            none.addClassName("mingze-empty");
            add(none);
        }
        Locale locale = UI.getCurrent().getLocale();
        Div list = new Div();
        list.addClassName("mingze-exam-cards");
        for (ExamCard c : cards) {
            Div card = new Div();
            card.addClassName("mingze-exam-card");
            Span state = new Span(getTranslation(c.state().labelKey()));
            state.getElement().getThemeList().add(switch (c.state()) {
                case OPEN, IN_PROGRESS -> "badge success";
                case UPCOMING -> "badge contrast";
                default -> "badge";
            });
            Span purpose = new Span(getTranslation("exam.purpose." + c.purpose().name()));
            purpose.getElement().getThemeList().add("badge small");
            Div title = new Div(new Span(c.title()), purpose, state);
            title.addClassName("mingze-exam-card-title");
            Span when = small(getTranslation("exam.ui.mine.window", Formats.dateTime(c.opensAt(), locale),
                    Formats.dateTime(c.closesAt(), locale)));
            Span limits = small(getTranslation("exam.ui.mine.limits", c.timeLimitMinutes() == null
                    ? getTranslation("exam.ui.no-limit") : getTranslation("exam.ui.minutes", c.timeLimitMinutes()),
                    c.attemptsUsed(), c.attemptsAllowed()));
            card.add(title, when, limits);
            Div actions = new Div();
            actions.addClassName("mingze-exam-card-actions");
            if (c.state() == ExamCard.State.OPEN || c.state() == ExamCard.State.IN_PROGRESS) {
                Button go = new Button(getTranslation(c.state() == ExamCard.State.IN_PROGRESS
                        ? "exam.ui.resume" : "exam.ui.enter"),
                        e -> UI.getCurrent().navigate(ExamStartView.class, c.examId()));
                go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                go.addClassName("mingze-exam-enter");
                actions.add(go);
            } else {
                Button rules = new Button(getTranslation("exam.ui.details"),
                        e -> UI.getCurrent().navigate(ExamStartView.class, c.examId()));
                actions.add(rules);
            }
            if (c.lastClosedAttemptId() != null) {
                Button result = new Button(getTranslation("exam.ui.result"),
                        e -> UI.getCurrent().navigate(ExamResultView.class, c.lastClosedAttemptId()));
                result.addClassName("mingze-exam-result-link");
                actions.add(result);
            }
            card.add(actions);
            list.add(card);
        }
        add(list);
    }

    private static Span small(String text) {
        Span s = new Span(text);
        s.addClassName("mingze-small");
        return s;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("exam.ui.mine.title");
    }
}
