package org.mingze.schedule.ui;

import com.vaadin.flow.component.Html;
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
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import org.mingze.base.security.Roles;
import org.mingze.base.ui.Polling;
import org.mingze.base.ui.qr.QrCodes;
import org.mingze.schedule.AttendanceService;
import org.mingze.schedule.CheckInCode;

/**
 * The host's screen (for a projector or a phone held up): the six-digit check-in code in large type and as a QR code
 * that opens the check-in page with the code filled in. The code changes every 30 seconds; the page asks the server
 * each second and shows only what the server gives, so a stale screen cannot hand out a valid code for long.
 */
@Route("schedule/code")
@RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
class HostCodeView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final AttendanceService attendance;
    private final Span digits = new Span();
    private final Span left = new Span();
    private final Div qr = new Div();
    private final Paragraph window = new Paragraph();
    private long sessionId;
    private String shown;
    private String base;

    HostCodeView(AttendanceService attendance) {
        this.attendance = attendance;
        addClassName("mingze-host-code");
        Polling.every(this, 1000, this::refresh);
        setAlignItems(Alignment.CENTER);
        digits.addClassName("mingze-host-code-digits");
        left.addClassName("mingze-host-code-left");
        qr.addClassName("mingze-host-code-qr");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        sessionId = id;
        base = baseUrl();
        removeAll();
        try {
            attendance.hostCode(id);
        } catch (org.springframework.security.access.AccessDeniedException missing) {
            add(new H2(getTranslation("schedule.session.missing")));
            sessionId = -1;
            return;
        }
        add(new RouterLink(getTranslation("schedule.code.back"), SessionView.class, id),
                new H2(getTranslation("schedule.code.title")), digits, left, qr, window);
        refresh();
    }

    private void refresh() {
        if (sessionId < 0) {
            return;
        }
        CheckInCode c = attendance.hostCode(sessionId);
        if (!c.open()) {
            digits.setText("— — —");
            left.setText("");
            qr.removeAll();
            shown = null;
            window.setText(getTranslation("schedule.code.closed", c.opensAt().toLocalTime(), c.closesAt().toLocalTime(),
                    c.opensAt().toLocalDate()));
            return;
        }
        window.setText(getTranslation("schedule.code.hint"));
        left.setText(getTranslation("schedule.code.left", c.secondsLeft()));
        if (!Objects.equals(shown, c.code())) {
            shown = c.code();
            digits.setText(c.code().substring(0, 3) + " " + c.code().substring(3));
            qr.removeAll();
            qr.add(new Html("<div>" + QrCodes.svg(base + c.path() + "?code=" + c.code()) + "</div>"));
        }
    }

    private static String baseUrl() {
        VaadinServletRequest r = VaadinServletRequest.getCurrent();
        if (r != null) {
            HttpServletRequest h = r.getHttpServletRequest();
            boolean defaultPort = "http".equals(h.getScheme()) && h.getServerPort() == 80
                    || "https".equals(h.getScheme()) && h.getServerPort() == 443;
            return h.getScheme() + "://" + h.getServerName() + (defaultPort ? "" : ":" + h.getServerPort())
                    + h.getContextPath() + "/";
        }
        return "/";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("schedule.code.title");
    }
}
