package org.mingze.quiz.ui;

import com.vaadin.flow.component.UI;
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
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import org.mingze.base.i18n.Formats;
import org.mingze.base.security.Roles;
import org.mingze.base.validation.ValidationException;
import org.mingze.quiz.exam.AttemptResult;
import org.mingze.quiz.exam.ExamService;
import org.springframework.security.access.AccessDeniedException;

/**
 * One person's attempt as organisers and auditors read it: every question as the learner saw it, the answer given,
 * the key, the explanation, the points and the grader's comment (ExamService.attempt). Read-only.
 */
@Route("exams/attempt")
@RolesAllowed({Roles.ORGANIZER, Roles.ADMIN, Roles.AUDITOR})
class ExamAttemptView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final ExamService exams;
    private String title = "";

    ExamAttemptView(ExamService exams) {
        this.exams = exams;
        addClassName("mingze-exam-result");
    }

    @Override
    public void setParameter(BeforeEvent event, Long attemptId) {
        removeAll();
        AttemptResult r;
        try {
            r = exams.attempt(attemptId);
        } catch (AccessDeniedException | ValidationException e) {
            Paragraph refused = new Paragraph(getTranslation("exam.admin.refused"));
            refused.addClassName("mingze-exam-admin-refused");
            add(new H2(getTranslation("exam.ui.missing")), refused,
                    new RouterLink(getTranslation("exam.admin.back"), ExamAdminView.class));
            return;
        }
        title = r.title() + " · " + r.memberName();
        Locale locale = UI.getCurrent().getLocale();
        add(new RouterLink(getTranslation("exam.admin.results.back"), ExamResultsView.class, r.examId()),
                new H2(title));
        Div facts = ExamResultView.facts(r, locale, ExamResultView.small(
                getTranslation(r.counted() ? "exam.admin.attempt.counted" : "exam.admin.attempt.not-counted")));
        Div score = new Div(new Span(r.score() == null ? getTranslation("exam.ui.awaiting-manual")
                : getTranslation("exam.ui.score", ExamAdminView.plain(r.score()),
                ExamAdminView.plain(r.maxPoints()))));
        score.addClassName("mingze-exam-score");
        add(facts, score, ExamResultView.items(r));
    }

    @Override
    public String getPageTitle() {
        return title.isEmpty() ? getTranslation("menu.exam-admin") : title;
    }
}
