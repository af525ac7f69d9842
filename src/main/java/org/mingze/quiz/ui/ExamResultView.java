package org.mingze.quiz.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
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
import org.mingze.quiz.exam.AttemptResult;
import org.mingze.quiz.exam.AttemptService;
import org.mingze.quiz.exam.AttemptStatus;
import org.springframework.security.access.AccessDeniedException;

/**
 * The result of one's own attempt, exactly as far as the test's review policy allows: nothing before it allows
 * anything; the score; the right answers; the explanations with links to the material sections.
 */
@Route("exams/result")
@PermitAll
class ExamResultView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final AttemptService attempts;
    private String title = "";

    ExamResultView(AttemptService attempts) {
        this.attempts = attempts;
        addClassName("mingze-exam-result");
    }

    @Override
    public void setParameter(BeforeEvent event, Long attemptId) {
        removeAll();
        AttemptResult r;
        try {
            r = attempts.result(attemptId);
        } catch (AccessDeniedException | ValidationException e) {
            add(new H2(getTranslation("exam.ui.missing")), new RouterLink(getTranslation("exam.ui.back"),
                    MyExamsView.class));
            return;
        }
        title = r.title();
        Locale locale = UI.getCurrent().getLocale();
        add(new RouterLink(getTranslation("exam.ui.back"), MyExamsView.class), new H2(r.title()));
        add(facts(r, locale));
        if (r.shown() == null) {
            Paragraph later = new Paragraph(r.reviewFrom() == null ? getTranslation("exam.ui.result-hidden")
                    : getTranslation("exam.ui.result-later", Formats.dateTime(r.reviewFrom(), locale)));
            later.addClassName("mingze-exam-result-later");
            add(later);
            return;
        }
        Div score = new Div();
        score.addClassName("mingze-exam-score");
        if (r.status() == AttemptStatus.AWAITING_MANUAL || r.score() == null) {
            score.add(new Span(getTranslation("exam.ui.awaiting-manual")));
        } else {
            score.add(new Span(getTranslation("exam.ui.score", ExamAdminView.plain(r.score()), ExamAdminView.plain(r.maxPoints()))));
            if (r.passed() != null) {
                Span pass = new Span(getTranslation(r.passed() ? "exam.ui.passed" : "exam.ui.failed",
                        r.passPercent()));
                pass.getElement().getThemeList().add(r.passed() ? "badge success" : "badge error");
                pass.addClassName("mingze-exam-pass");
                score.add(pass);
            }
        }
        add(score);
        add(items(r));
    }

    /** The questions of an attempt with as much of the grading as the result carries (shared with organisers' view). */
    static Div items(AttemptResult r) {
        Div items = new Div();
        items.addClassName("mingze-exam-result-items");
        for (AttemptResult.Item item : r.items()) {
            QuestionCard card = new QuestionCard(item.question(), item.position() + 1);
            card.setResponse(item.response());
            card.setReadOnly(true);
            Div review = new Div();
            review.addClassName("mingze-question-feedback");
            if (item.outcome() != null) {
                String outcome = item.outcome().name().toLowerCase(Locale.ROOT);
                card.addClassName(outcome);
                review.add(new Paragraph(items.getTranslation("quiz.outcome." + outcome,
                        item.points() == null ? "-" : ExamAdminView.plain(item.points()), ExamAdminView.plain(item.question().points()))));
            }
            if (item.answer() != null) {
                Paragraph answer = new Paragraph(items.getTranslation("quiz.card.answer",
                        card.answerText(item.answer())));
                answer.addClassName("mingze-question-answer");
                review.add(answer);
            }
            if (item.explanation() != null && !item.explanation().isBlank()) {
                Paragraph why = new Paragraph(items.getTranslation("quiz.card.explanation", item.explanation()));
                why.addClassName("mingze-question-explanation");
                review.add(why);
            }
            if (item.sourceUrl() != null) {
                review.add(new Div(new Anchor(item.sourceUrl(), items.getTranslation("quiz.card.source",
                        item.sourceTitle() == null ? item.sourceUrl() : item.sourceTitle()))));
            }
            if (item.comment() != null) {
                review.add(new Paragraph(items.getTranslation("exam.ui.comment", item.comment())));
            }
            card.add(review);
            items.add(card);
        }
        return items;
    }

    /** Which attempt, how it was closed and when, and whatever the caller adds (shared with the organiser's view). */
    static Div facts(AttemptResult r, Locale locale, Span... more) {
        Div facts = new Div();
        facts.add(small(facts.getTranslation("exam.ui.attempt-no", r.number())),
                small(facts.getTranslation(r.closedBy() == null ? r.status().labelKey() : r.closedBy().labelKey())),
                small(r.closedAt() == null ? "" : Formats.dateTime(r.closedAt(), locale)));
        facts.add(more);
        facts.addClassName("mingze-exam-result-facts");
        return facts;
    }

    static Span small(String text) {
        Span s = new Span(text);
        s.addClassName("mingze-small");
        return s;
    }

    @Override
    public String getPageTitle() {
        return title.isEmpty() ? getTranslation("exam.ui.mine.title") : title;
    }
}
