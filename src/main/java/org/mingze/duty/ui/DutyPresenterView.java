package org.mingze.duty.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Objects;
import org.mingze.base.security.Roles;
import org.mingze.base.ui.Polling;
import org.mingze.base.validation.ValidationException;
import org.mingze.duty.DutyService;
import org.mingze.duty.PresenterState;
import org.mingze.quiz.Question;
import org.springframework.security.access.AccessDeniedException;

/**
 * The presenter screen for the projector (no menu, large type): the reporter on now, the current question and,
 * after 公布答案 on the control screen, the answer. It asks the server every second and shows only what
 * {@link DutyService#presenter} gives, which holds no answer before it is revealed: the key never reaches this
 * browser early. Opened by the organiser in a second window of their login.
 */
@Route(value = "duty/present", autoLayout = false)
@RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
class DutyPresenterView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final DutyService duty;
    private final Div body = new Div();
    private final Paragraph timer = new Paragraph();
    private long sessionId = -1;
    private PresenterState shown;

    DutyPresenterView(DutyService duty) {
        this.duty = duty;
        addClassName("mingze-duty-presenter");
        Polling.every(this, 1000, this::refresh);
        setSizeFull();
        body.setWidthFull();
        timer.addClassName("mingze-duty-presenter-timer");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        removeAll();
        try {
            duty.presenter(id);
        } catch (ValidationException | AccessDeniedException e) {
            sessionId = -1;
            add(new Paragraph(getTranslation("duty.error.missing")));
            return;
        }
        sessionId = id;
        shown = null;
        add(body);
        refresh();
    }

    void refresh() {
        if (sessionId < 0) {
            return;
        }
        PresenterState p = duty.presenter(sessionId);
        timer.setText(p.secondsLeft() == null ? "" : p.secondsLeft() == 0 ? getTranslation("duty.presenter.time-up")
                : getTranslation("duty.presenter.left", p.secondsLeft()));
        timer.getElement().getClassList().set("mingze-duty-presenter-timeup", Objects.equals(p.secondsLeft(), 0));
        if (same(p, shown)) {
            return;
        }
        shown = p;
        body.removeAll();
        Paragraph title = new Paragraph(p.sessionName());
        title.addClassName("mingze-duty-presenter-title");
        body.add(title);
        if (p.finished()) {
            body.add(new H1(getTranslation("duty.presenter.finished")));
            return;
        }
        H1 who = new H1(getTranslation("duty.presenter.reporter", p.reporterNo(), p.reporterCount(),
                p.reporterName() + (p.reporterPost() == null ? "" : "（" + p.reporterPost() + "）")));
        who.addClassName("mingze-duty-presenter-reporter");
        body.add(who);
        if (p.seq() == 0) {
            body.add(new Paragraph(getTranslation("duty.presenter.waiting")));
            return;
        }
        Paragraph no = new Paragraph(getTranslation("duty.presenter.question", p.seq(), p.perReporter(),
                getTranslation("quiz.type." + p.type().name())));
        no.addClassName("mingze-duty-presenter-no");
        Paragraph stem = new Paragraph(p.stem());
        stem.addClassName("mingze-duty-presenter-stem");
        body.add(no, stem);
        for (int i = 0; i < p.options().size(); i++) {
            Paragraph o = new Paragraph(Question.letter(i) + ". " + p.options().get(i));
            o.addClassName("mingze-duty-presenter-option");
            body.add(o);
        }
        body.add(timer);
        if (p.answer() != null) {
            Paragraph a = new Paragraph(getTranslation("duty.presenter.answer", p.answer()));
            a.addClassName("mingze-duty-presenter-answer");
            body.add(a);
            if (p.explanation() != null && !p.explanation().isBlank()) {
                Paragraph x = new Paragraph(p.explanation());
                x.addClassName("mingze-duty-presenter-explanation");
                body.add(x);
            }
        }
    }

    /** Equal but for the timer (which is updated on its own each second). */
    private static boolean same(PresenterState a, PresenterState b) {
        return b != null && Objects.equals(a.reporterName(), b.reporterName()) && a.seq() == b.seq()
                && a.finished() == b.finished() && Objects.equals(a.stem(), b.stem())
                && Objects.equals(a.answer(), b.answer()) && Objects.equals(a.explanation(), b.explanation())
                && (a.secondsLeft() == null) == (b.secondsLeft() == null);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("duty.presenter.title");
    }
}
