package org.mingze.schedule.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import org.mingze.base.ui.FormErrors;
import org.mingze.base.validation.ValidationException;
import org.mingze.schedule.AttendanceService;
import org.mingze.schedule.CheckInResult;

/**
 * 签到: where the QR code on the host's screen leads (with the code filled in), or where a member types the six
 * digits. The server decides: right code, in the window, expected at this session.
 */
@Route("schedule/checkin")
@PermitAll
class CheckInView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final AttendanceService attendance;
    private final TextField code = new TextField();
    private final Paragraph result = new Paragraph();
    private long sessionId;

    CheckInView(AttendanceService attendance) {
        this.attendance = attendance;
        addClassName("mingze-checkin");
        code.setLabel(getTranslation("schedule.checkin.code"));
        code.setPlaceholder("123456");
        code.setMaxLength(12);
        code.getElement().setAttribute("inputmode", "numeric");
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.addClassName("mingze-checkin-code");
        result.addClassName("mingze-checkin-result");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        sessionId = id;
        List<String> given = event.getLocation().getQueryParameters().getParameters().getOrDefault("code", List.of());
        if (!given.isEmpty()) {
            code.setValue(given.get(0));
        }
        Button go = new Button(getTranslation("schedule.checkin.submit"), e -> submit());
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        go.addClassName("mingze-checkin-submit");
        removeAll();
        add(new H2(getTranslation("schedule.checkin.title")), new Paragraph(getTranslation("schedule.checkin.hint")),
                code, go, result, new RouterLink(getTranslation("schedule.checkin.to-session"), SessionView.class, id));
    }

    private void submit() {
        try {
            CheckInResult r = attendance.checkIn(sessionId, code.getValue());
            code.setInvalid(false);
            result.setText(getTranslation(r.alreadyCheckedIn() ? "schedule.checkin.already" : "schedule.checkin.done",
                    getTranslation(r.status().labelKey())) + "（" + r.topic() + "）");
            result.addClassName("mingze-checkin-ok");
        } catch (ValidationException ex) {
            result.setText("");
            FormErrors.show(ex, Map.of("code", code), this);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("schedule.checkin.title");
    }
}
