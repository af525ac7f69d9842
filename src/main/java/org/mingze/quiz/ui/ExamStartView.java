package org.mingze.quiz.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import org.mingze.base.i18n.Formats;
import org.mingze.base.validation.ValidationException;
import org.mingze.quiz.exam.AttemptService;
import org.mingze.quiz.exam.AttemptSummary;
import org.mingze.quiz.exam.ExamIntro;
import org.mingze.quiz.exam.TabLeaveAction;
import org.springframework.security.access.AccessDeniedException;

/** A test's start page: the rules in plain words, the person's attempts so far, and 开始作答 / 继续作答. */
@Route("exams/start")
@PermitAll
class ExamStartView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final AttemptService attempts;
    private String title = "";

    ExamStartView(AttemptService attempts) {
        this.attempts = attempts;
        addClassName("mingze-exam-start");
    }

    @Override
    public void setParameter(BeforeEvent event, Long examId) {
        removeAll();
        ExamIntro intro;
        try {
            intro = attempts.intro(examId);
        } catch (AccessDeniedException | ValidationException e) {
            add(new H2(getTranslation("exam.ui.missing")), new RouterLink(getTranslation("exam.ui.back"),
                    MyExamsView.class));
            return;
        }
        title = intro.title();
        Locale locale = UI.getCurrent().getLocale();
        add(new RouterLink(getTranslation("exam.ui.back"), MyExamsView.class), new H2(intro.title()));
        if (intro.description() != null && !intro.description().isBlank()) {
            add(new Paragraph(intro.description()));
        }
        add(new H3(getTranslation("exam.ui.rules")));
        Div rules = new Div();
        rules.addClassName("mingze-exam-rules");
        rule(rules, "exam.ui.rule.window", Formats.dateTime(intro.opensAt(), locale) + " – "
                + Formats.dateTime(intro.closesAt(), locale));
        rule(rules, "exam.ui.rule.questions", getTranslation("exam.ui.rule.questions-value", intro.questionCount(),
                intro.maxPoints().stripTrailingZeros().toPlainString(), intro.passPercent()));
        rule(rules, "exam.ui.rule.time", intro.timeLimitMinutes() == null ? getTranslation("exam.ui.no-limit")
                : getTranslation("exam.ui.rule.time-value", intro.timeLimitMinutes()));
        rule(rules, "exam.ui.rule.attempts", getTranslation("exam.ui.rule.attempts-value", intro.attemptsAllowed(),
                intro.attemptsUsed()));
        rule(rules, "exam.ui.rule.navigation", getTranslation(intro.navigation().labelKey()));
        rule(rules, "exam.ui.rule.tabs", intro.tabLeave().action() == TabLeaveAction.SUBMIT_AFTER
                ? getTranslation("exam.ui.rule.tabs-submit", intro.tabLeave().limit())
                : getTranslation("exam.ui.rule.tabs-" + intro.tabLeave().action().name()));
        rule(rules, "exam.ui.rule.review", getTranslation("exam.ui.review." + intro.review().level().name())
                + (intro.review().onlyAfterClose() ? getTranslation("exam.ui.review.after-close") : ""));
        rule(rules, "exam.ui.rule.saving", getTranslation("exam.ui.rule.saving-value"));
        add(rules);
        if (intro.canStart()) {
            Button start = new Button(getTranslation(intro.openAttemptId() != null ? "exam.ui.resume"
                    : "exam.ui.start"), e -> UI.getCurrent().navigate(ExamTakeView.class, examId));
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
            start.addClassName("mingze-exam-start-button");
            add(start);
        } else if (intro.blocked() != null) {
            Paragraph blocked = new Paragraph(getTranslation(intro.blocked().labelKey()));
            blocked.addClassName("mingze-note");
            add(blocked);
        }
        if (!intro.attempts().isEmpty()) {
            add(new H3(getTranslation("exam.ui.my-attempts")));
            Div list = new Div();
            list.addClassName("mingze-exam-attempts");
            for (AttemptSummary a : intro.attempts()) {
                Div row = new Div(new Span(getTranslation("exam.ui.attempt-no", a.number())),
                        new Span(getTranslation(a.status().labelKey())),
                        new Span(a.score() == null ? getTranslation("exam.ui.score-hidden")
                                : getTranslation("exam.ui.score", a.score().stripTrailingZeros().toPlainString(),
                                a.maxPoints().stripTrailingZeros().toPlainString())));
                row.addClassName("mingze-exam-attempt");
                if (a.status().closed()) {
                    row.add(new RouterLink(getTranslation("exam.ui.result"), ExamResultView.class, a.attemptId()));
                }
                list.add(row);
            }
            add(list);
        }
    }

    private void rule(Div rules, String key, String value) {
        Div r = new Div(new Span(getTranslation(key)), new Span(value));
        r.addClassName("mingze-exam-rule");
        rules.add(r);
    }

    @Override
    public String getPageTitle() {
        return title.isEmpty() ? getTranslation("exam.ui.mine.title") : title;
    }
}
