package org.mingze.duty.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
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
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.mingze.base.i18n.Formats;
import org.mingze.base.security.Roles;
import org.mingze.base.ui.FormErrors;
import org.mingze.base.validation.ValidationException;
import org.mingze.duty.AppraisalService;
import org.mingze.duty.DutyService;
import org.mingze.duty.Rating;
import org.mingze.duty.ReporterRow;
import org.mingze.duty.SessionRow;
import org.mingze.duty.Voting;
import org.springframework.security.access.AccessDeniedException;

/**
 * A duty-report session and its summary (printable; .xlsx): per reporter the Q&A score, the written test score
 * and the appraisal tally (after voting is closed). For those who may run it: the control screen, the presenter
 * screen (a second window), and opening and closing the appraisal with its code in large type.
 */
@Route("duty/session")
@RolesAllowed({Roles.ORGANIZER, Roles.ADMIN, Roles.AUDITOR})
class DutySessionView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final DutyService duty;
    private final AppraisalService appraisal;
    private long sessionId;

    DutySessionView(DutyService duty, AppraisalService appraisal) {
        this.duty = duty;
        this.appraisal = appraisal;
        addClassName("mingze-duty-session");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        sessionId = id;
        show();
    }

    private void show() {
        removeAll();
        SessionRow s;
        List<ReporterRow> rows;
        try {
            s = duty.session(sessionId);
            rows = duty.reporters(sessionId);
        } catch (ValidationException | AccessDeniedException e) {
            add(new Paragraph(getTranslation("duty.error.missing")));
            return;
        }
        var locale = UI.getCurrent().getLocale();
        add(new H2(s.name()), new Paragraph(getTranslation("duty.session.facts", s.unitName(),
                Formats.date(s.meetingDay(), locale), s.perReporter(), plain(s.points()),
                s.banks().isEmpty() ? getTranslation("duty.session.all-banks") : String.join("、", s.banks()),
                s.tags().isEmpty() ? "" : getTranslation("duty.session.tags", String.join("、", s.tags())))));
        boolean run = duty.canRun(sessionId);
        FlexLayout actions = new FlexLayout();
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.addClassNames("mingze-no-print", "mingze-duty-actions");
        if (run) {
            Button control = new Button(getTranslation("duty.session.control"),
                    e -> UI.getCurrent().navigate(DutyControlView.class, sessionId));
            control.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Anchor present = new Anchor("duty/present/" + sessionId, getTranslation("duty.session.presenter"));
            present.setTarget("_blank");
            actions.add(control, present);
        }
        Button print = new Button(getTranslation("duty.session.print"),
                e -> UI.getCurrent().getPage().executeJs("window.print()"));
        Anchor xlsx = new Anchor(DownloadHandler.fromInputStream(ev -> {
            byte[] bytes = duty.exportXlsx(sessionId);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "述职评议汇总.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes.length);
        }), getTranslation("duty.session.xlsx"));
        actions.add(print, xlsx);
        add(actions);

        add(new H3(getTranslation("duty.session.appraisal")));
        Div voting = new Div();
        voting.addClassName("mingze-duty-voting");
        voting.add(new Paragraph(getTranslation(s.voting().labelKey())));
        if (s.voting() == Voting.OPEN && s.voteCode() != null) {
            Span code = new Span(s.voteCode().substring(0, 3) + " " + s.voteCode().substring(3));
            code.addClassName("mingze-duty-code");
            voting.add(new Paragraph(getTranslation("duty.session.code-hint")), code);
        }
        if (run && s.voting() != Voting.CLOSED) {
            Button b = new Button(getTranslation(s.voting() == Voting.NOT_OPEN ? "duty.session.open-voting"
                    : "duty.session.close-voting"), e -> {
                try {
                    if (s.voting() == Voting.NOT_OPEN) {
                        appraisal.openVoting(sessionId);
                    } else {
                        appraisal.closeVoting(sessionId);
                    }
                } catch (ValidationException ex) {
                    FormErrors.show(ex, Map.of(), this);
                }
                show();
            });
            b.addClassName("mingze-no-print");
            voting.add(b);
        }
        add(voting);

        add(new H3(getTranslation("duty.session.summary")));
        Grid<ReporterRow> grid = new Grid<>();
        grid.addColumn(ReporterRow::position).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.name() + (r.post() == null ? "" : "（" + r.post() + "）"))
                .setHeader(getTranslation("duty.summary.reporter")).setFlexGrow(3);
        grid.addColumn(r -> plain(r.qaScore()) + " / " + plain(r.qaMax()) + (r.drawn() < s.perReporter()
                        ? getTranslation("duty.summary.drawn", r.drawn(), s.perReporter()) : ""))
                .setHeader(getTranslation("duty.summary.qa"));
        grid.addColumn(r -> s.examId() == null ? "—" : r.testScore() == null ? getTranslation("duty.summary.no-test")
                : plain(r.testScore()) + " / " + plain(r.testMax())).setHeader(getTranslation("duty.summary.test"));
        grid.addColumn(r -> r.tally().isEmpty() ? getTranslation("duty.summary.voters", r.voters())
                        : getTranslation("duty.summary.tally", r.tally().get(Rating.EXCELLENT),
                        r.tally().get(Rating.COMPETENT), r.tally().get(Rating.BASIC),
                        r.tally().get(Rating.INCOMPETENT)))
                .setHeader(getTranslation("duty.summary.appraisal")).setFlexGrow(2);
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        add(grid, new RouterLink(getTranslation("duty.session.back"), DutyListView.class));
    }

    static String plain(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("duty.list.title");
    }
}
