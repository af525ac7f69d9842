package org.mingze.duty.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import org.mingze.base.ui.FormErrors;
import org.mingze.base.validation.ValidationException;
import org.mingze.duty.AppraisalService;
import org.mingze.duty.Ballot;
import org.mingze.duty.Rating;

/**
 * 民主评议 on a phone: the member types the code shown in the meeting and rates each reporter once (优秀 / 称职 /
 * 基本称职 / 不称职). Votes are anonymous and final; the form says so.
 */
@Route("duty/vote")
@PermitAll
@Menu(title = "menu.duty-vote", order = 52, icon = "vaadin:thumbs-up")
class DutyVoteView extends VerticalLayout implements HasDynamicTitle {

    private final AppraisalService appraisal;
    private final TextField code = new TextField();
    private final Div form = new Div();

    DutyVoteView(AppraisalService appraisal) {
        this.appraisal = appraisal;
        addClassName("mingze-duty-vote");
        code.setLabel(getTranslation("duty.vote.code"));
        code.setPlaceholder("123456");
        code.setMaxLength(12);
        code.getElement().setAttribute("inputmode", "numeric");
        code.addClassName("mingze-checkin-code");
        Button go = new Button(getTranslation("duty.vote.enter"), e -> show());
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        form.setWidthFull();
        add(new H2(getTranslation("duty.vote.title")), new Paragraph(getTranslation("duty.vote.hint")), code, go,
                form);
    }

    private void show() {
        form.removeAll();
        Ballot b;
        try {
            b = appraisal.ballot(code.getValue());
            code.setInvalid(false);
        } catch (ValidationException ex) {
            FormErrors.show(ex, Map.of("code", code), this);
            return;
        }
        form.add(new H3(b.sessionName()), new Paragraph(getTranslation("duty.vote.anonymous")));
        for (Ballot.Line l : b.lines()) {
            Div card = new Div();
            card.addClassName("mingze-duty-ballot");
            card.add(new Paragraph(l.name() + (l.post() == null ? "" : "（" + l.post() + "）")));
            if (l.self()) {
                card.add(new Paragraph(getTranslation("duty.vote.self")));
            } else if (l.voted()) {
                card.add(new Paragraph(getTranslation("duty.vote.done")));
            } else {
                RadioButtonGroup<Rating> rating = new RadioButtonGroup<>();
                rating.setItems(Rating.values());
                rating.setItemLabelGenerator(r -> getTranslation(r.labelKey()));
                rating.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
                Button submit = new Button(getTranslation("duty.vote.submit"), e -> {
                    try {
                        appraisal.vote(code.getValue(), l.reporterId(), rating.getValue());
                        show();
                    } catch (ValidationException ex) {
                        FormErrors.show(ex, Map.of("rating", rating), this);
                    }
                });
                submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                card.add(rating, submit);
            }
            form.add(card);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("duty.vote.title");
    }
}
