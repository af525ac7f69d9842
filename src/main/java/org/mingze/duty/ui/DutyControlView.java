package org.mingze.duty.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import org.mingze.base.security.Roles;
import org.mingze.base.ui.Polling;
import org.mingze.base.ui.FormErrors;
import org.mingze.base.validation.ValidationException;
import org.mingze.duty.ControlState;
import org.mingze.duty.DrawnQuestion;
import org.mingze.duty.DutyService;
import org.mingze.duty.Mark;
import org.mingze.quiz.Question;
import org.springframework.security.access.AccessDeniedException;

/**
 * The organiser's control screen of the live Q&A: the reporter on now and their questions with the answer key;
 * 抽题 / 开始计时 / 正确 / 部分正确 / 错误 / 公布答案 / 下一位. Every click is a stored state change, so reloading the
 * page (or the server) resumes at the same reporter and question. The key is shown here only; the presenter screen
 * shows the answer after 公布答案.
 */
@Route("duty/control")
@RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
class DutyControlView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final DutyService duty;
    private final Div body = new Div();
    private final Span timer = new Span();
    private long sessionId = -1;

    DutyControlView(DutyService duty) {
        this.duty = duty;
        addClassName("mingze-duty-control");
        Polling.every(this, 1000, this::tick);
        body.setWidthFull();
        timer.addClassName("mingze-duty-timer");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        removeAll();
        try {
            duty.control(id);
        } catch (ValidationException | AccessDeniedException e) {
            sessionId = -1;
            add(new Paragraph(getTranslation("duty.error.missing")));
            return;
        }
        sessionId = id;
        add(body);
        show();
    }

    private void show() {
        ControlState c = duty.control(sessionId);
        body.removeAll();
        body.add(new RouterLink(getTranslation("duty.control.back"), DutySessionView.class, sessionId),
                new H2(c.session().name()));
        Anchor present = new Anchor("duty/present/" + sessionId, getTranslation("duty.session.presenter"));
        present.setTarget("_blank");
        body.add(present);
        if (c.reporter() == null) {
            body.add(new H3(getTranslation("duty.control.finished")));
            return;
        }
        body.add(new H3(getTranslation("duty.control.reporter", c.reporter().position(), c.reporters().size(),
                c.reporter().name() + (c.reporter().post() == null ? "" : "（" + c.reporter().post() + "）"))));
        body.add(new Paragraph(getTranslation("duty.control.progress", c.questions().size(),
                c.session().perReporter(), DutySessionView.plain(c.reporter().qaScore()),
                DutySessionView.plain(c.reporter().qaMax()))));
        DrawnQuestion q = c.current();
        FlexLayout buttons = new FlexLayout();
        buttons.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        buttons.addClassName("mingze-duty-buttons");
        Button draw = button("duty.control.draw", () -> duty.draw(sessionId));
        draw.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        draw.setEnabled(c.canDraw());
        buttons.add(draw);
        if (q != null) {
            Button start = button("duty.control.timer", () -> duty.startTimer(sessionId));
            start.setEnabled(c.session().timerSeconds() > 0 && !q.revealed());
            Button correct = button("duty.mark.CORRECT", () -> duty.mark(sessionId, Mark.CORRECT));
            correct.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
            Button partly = button("duty.mark.PARTLY", () -> duty.mark(sessionId, Mark.PARTLY));
            Button wrong = button("duty.mark.WRONG", () -> duty.mark(sessionId, Mark.WRONG));
            wrong.addThemeVariants(ButtonVariant.LUMO_ERROR);
            Button reveal = button("duty.control.reveal", () -> duty.reveal(sessionId));
            reveal.setEnabled(!q.revealed());
            buttons.add(start, correct, partly, wrong, reveal);
        }
        Button next = button("duty.control.next", () -> duty.next(sessionId));
        next.setEnabled(c.canNext());
        buttons.add(next);
        body.add(buttons);
        if (q != null) {
            Div card = new Div();
            card.addClassName("mingze-duty-question");
            card.add(new Paragraph(getTranslation("duty.control.question", q.seq(), q.questionId(),
                    getTranslation("quiz.type." + q.type().name()))));
            Paragraph stem = new Paragraph(q.stem());
            stem.addClassName("mingze-duty-stem");
            card.add(stem);
            for (int i = 0; i < q.options().size(); i++) {
                card.add(new Paragraph(Question.letter(i) + ". " + q.options().get(i)));
            }
            Paragraph key = new Paragraph(getTranslation("duty.control.key", q.answer()));
            key.addClassName("mingze-duty-key");
            card.add(key);
            if (q.explanation() != null && !q.explanation().isBlank()) {
                card.add(new Paragraph(getTranslation("duty.control.explanation", q.explanation())));
            }
            card.add(new Paragraph(getTranslation("duty.control.state",
                    q.mark() == null ? getTranslation("duty.control.unmarked") : getTranslation(q.mark().labelKey())
                            + "（" + DutySessionView.plain(q.awarded()) + "）",
                    getTranslation(q.revealed() ? "duty.control.revealed" : "duty.control.hidden"))));
            timer.setText(q.secondsLeft() == null ? "" : getTranslation("duty.control.left", q.secondsLeft()));
            card.add(timer);
            body.add(card);
        }
    }

    private Button button(String key, Runnable action) {
        return new Button(getTranslation(key), e -> {
            try {
                action.run();
            } catch (ValidationException ex) {
                FormErrors.show(ex, Map.of(), this);
            }
            show();
        });
    }

    private void tick() {
        if (sessionId < 0) {
            return;
        }
        DrawnQuestion q = duty.control(sessionId).current();
        timer.setText(q == null || q.secondsLeft() == null ? "" : getTranslation("duty.control.left", q.secondsLeft()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("duty.control.title");
    }
}
