package org.mingze.quiz.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mingze.base.i18n.Formats;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.security.Role;
import org.mingze.base.security.Roles;
import org.mingze.base.time.BureauZone;
import org.mingze.base.ui.FormErrors;
import org.mingze.base.validation.ValidationException;
import org.mingze.quiz.exam.ExamExceptionDraft;
import org.mingze.quiz.exam.ExamExceptionRow;
import org.mingze.quiz.exam.ExamMonitor;
import org.mingze.quiz.exam.ExamService;
import org.springframework.security.access.AccessDeniedException;

/**
 * 考试监控: who of the audience started, how far they are (answered / total), time left, tab leaves, who submitted and
 * their score. Refreshes every 10 seconds by polling (no push) and on a button. Organisers grant a person an exception
 * (more time, another close time, an extra attempt) with a reason; auditors watch.
 */
@Route("exams/monitor")
@RolesAllowed({Roles.ORGANIZER, Roles.ADMIN, Roles.AUDITOR})
class ExamMonitorView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    static final int POLL_MS = 10_000;

    private final ExamService exams;
    private final boolean canManage = CurrentUser.has(Role.ORGANIZER) || CurrentUser.has(Role.ADMIN);
    final Grid<ExamMonitor.Row> grid = new Grid<>();
    final Span summary = new Span();
    final Span refreshedAt = new Span();
    final Div exceptionList = new Div();
    private Long examId;
    private String title = "";
    private Registration poll;

    ExamMonitorView(ExamService exams) {
        this.exams = exams;
        addClassName("mingze-exam-monitor");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        removeAll();
        examId = null;
        ExamMonitor m;
        try {
            m = exams.monitor(id);
        } catch (AccessDeniedException | ValidationException e) {
            Paragraph refused = new Paragraph(getTranslation("exam.admin.refused"));
            refused.addClassName("mingze-exam-admin-refused");
            add(new H2(getTranslation("exam.admin.missing")), refused,
                    new RouterLink(getTranslation("exam.admin.back"), ExamAdminView.class));
            return;
        }
        examId = id;
        title = m.title();
        Button refresh = new Button(getTranslation("exam.admin.monitor.refresh"), VaadinIcon.REFRESH.create(),
                e -> {
                    refresh();
                    showExceptions();
                });
        refresh.addClassName("mingze-exam-monitor-refresh");
        summary.addClassName("mingze-exam-monitor-summary");
        refreshedAt.addClassName("mingze-small");
        Div head = new Div(summary, refresh, refreshedAt);
        head.addClassName("mingze-exam-card-actions");
        grid.removeAllColumns();
        wide.clear();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(r -> r.memberName() + (r.employeeNo() == null ? "" : "（" + r.employeeNo() + "）"))
                .setHeader(getTranslation("exam.admin.column.name")).setAutoWidth(true).setFlexGrow(1);
        wide.add(grid.addColumn(ExamMonitor.Row::unitName).setHeader(getTranslation("exam.admin.column.unit"))
                .setAutoWidth(true));
        grid.addColumn(r -> getTranslation(r.state().labelKey())
                        + (r.closedBy() == null ? "" : "（" + getTranslation(r.closedBy().labelKey()) + "）"))
                .setHeader(getTranslation("exam.admin.column.state")).setAutoWidth(true);
        grid.addColumn(r -> r.state() == ExamMonitor.State.NOT_STARTED ? "" : r.answered() + "/" + r.questions())
                .setHeader(getTranslation("exam.admin.column.progress")).setAutoWidth(true);
        wide.add(grid.addColumn(r -> r.state() == ExamMonitor.State.IN_PROGRESS ? timeLeft(r.secondsLeft()) : "")
                .setHeader(getTranslation("exam.admin.column.time-left")).setAutoWidth(true));
        wide.add(grid.addColumn(r -> r.state() == ExamMonitor.State.NOT_STARTED ? "" : String.valueOf(r.tabLeaves()))
                .setHeader(getTranslation("exam.admin.column.tab-leaves")).setAutoWidth(true));
        grid.addColumn(r -> r.score() == null ? "" : ExamAdminView.plain(r.score()))
                .setHeader(getTranslation("exam.admin.column.score")).setAutoWidth(true);
        if (canManage) {
            grid.addComponentColumn(r -> {
                Button b = new Button(getTranslation("exam.admin.monitor.exception"), e -> exceptionDialog(r));
                b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                b.addClassName("mingze-exam-monitor-exception");
                return b;
            }).setHeader(getTranslation("common.actions")).setAutoWidth(true);
        }
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
        exceptionList.addClassName("mingze-exam-exceptions");
        Div links = new Div(new RouterLink(getTranslation("exam.admin.back"), ExamAdminView.class),
                new RouterLink(getTranslation("exam.admin.action.results"), ExamResultsView.class, id));
        links.addClassName("mingze-exam-card-actions");
        add(links, new H2(getTranslation("exam.admin.monitor.title", m.title())), head, grid, exceptionList);
        show(m);
        showExceptions();
    }

    /** Below this window width the grid shows its essential columns only. */
    static final int NARROW_PX = 640;
    /** The columns left out on a narrow screen. */
    private final List<com.vaadin.flow.component.grid.Grid.Column<ExamMonitor.Row>> wide = new java.util.ArrayList<>();

    /** Shows only the essential columns (narrow) or all of them. */
    void narrow(boolean narrow) {
        wide.forEach(c -> c.setVisible(!narrow));
    }

    static String timeLeft(long seconds) {
        long s = Math.max(0, seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    void refresh() {
        if (examId == null) {
            return;
        }
        try {
            show(exams.monitor(examId));
        } catch (AccessDeniedException | ValidationException e) {
            grid.setItems(List.of());
        }
    }

    private void show(ExamMonitor m) {
        summary.setText(getTranslation("exam.admin.monitor.summary", m.audience(), m.notStarted(), m.inProgress(),
                m.finished()));
        Locale locale = UI.getCurrent() == null ? Locale.CHINA : UI.getCurrent().getLocale();
        refreshedAt.setText(getTranslation("exam.admin.monitor.refreshed", Formats.dateTime(m.serverTime(), locale)));
        grid.setItems(m.rows());
    }

    /**
     * The exceptions granted: read on opening, on the refresh button and after a grant, not on every poll (they
     * change only by a grant).
     */
    void showExceptions() {
        if (examId == null) {
            return;
        }
        Locale locale = UI.getCurrent() == null ? Locale.CHINA : UI.getCurrent().getLocale();
        exceptionList.removeAll();
        List<ExamExceptionRow> granted;
        try {
            granted = exams.exceptions(examId);
        } catch (AccessDeniedException | ValidationException e) {
            return;
        }
        for (ExamExceptionRow x : granted) {
            Paragraph p = new Paragraph(getTranslation("exam.admin.exception.row", x.memberName(),
                    x.extraMinutes() == null ? 0 : x.extraMinutes(), x.extraAttempts(),
                    x.closesAt() == null ? "-" : Formats.dateTime(x.closesAt(), locale), x.reason(), x.grantedBy()));
            p.addClassName("mingze-small");
            exceptionList.add(p);
        }
    }

    /** The dialog that grants one person an exception; it refuses without a reason, in the service's words. */
    void exceptionDialog(ExamMonitor.Row row) {
        Dialog d = new Dialog();
        d.addClassName("mingze-exam-exception-dialog");
        d.setHeaderTitle(getTranslation("exam.admin.exception.title", row.memberName()));
        IntegerField minutes = new IntegerField(getTranslation("exam.admin.exception.minutes"));
        minutes.setMin(0);
        minutes.setMax(600);
        DateTimePicker closes = new DateTimePicker(getTranslation("exam.admin.exception.closes"));
        IntegerField extraAttempts = new IntegerField(getTranslation("exam.admin.exception.attempts"));
        extraAttempts.setMin(0);
        extraAttempts.setMax(10);
        TextArea reason = new TextArea(getTranslation("exam.admin.exception.reason"));
        reason.setRequired(true);
        reason.setMaxLength(500);
        reason.setWidthFull();
        VerticalLayout body = new VerticalLayout(minutes, closes, extraAttempts, reason);
        body.setPadding(false);
        d.add(body);
        Button grant = new Button(getTranslation("exam.admin.exception.grant"), e -> {
            ExamExceptionDraft draft = new ExamExceptionDraft(row.memberId(), minutes.getValue(),
                    closes.getValue() == null ? null : closes.getValue().atZone(BureauZone.get()).toInstant(),
                    extraAttempts.getValue() == null ? 0 : extraAttempts.getValue(), reason.getValue());
            try {
                exams.grantException(examId, draft);
                d.close();
                Notification.show(getTranslation("exam.admin.exception.granted", row.memberName()), 4000,
                        Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
                showExceptions();
            } catch (ValidationException ex) {
                FormErrors.show(ex, Map.of("reason", reason, "extraMinutes", minutes, "closesAt", closes,
                        "extraAttempts", extraAttempts, "memberId", reason), d);
            } catch (AccessDeniedException ex) {
                Notification.show(getTranslation("exam.admin.denied"), 8000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        grant.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grant.addClassName("mingze-exam-exception-grant");
        Button cancel = new Button(getTranslation("common.cancel"), e -> d.close());
        d.getFooter().add(cancel, grant);
        d.open();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        ui.setPollInterval(POLL_MS);
        poll = ui.addPollListener(e -> refresh());
        // a phone: name, state, progress and score only (the grid would scroll sideways inside itself)
        ui.getPage().retrieveExtendedClientDetails(d -> narrow(d.getWindowInnerWidth() < NARROW_PX));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (poll != null) {
            poll.remove();
            poll = null;
        }
        detachEvent.getUI().setPollInterval(-1);
        super.onDetach(detachEvent);
    }

    @Override
    public String getPageTitle() {
        return title.isEmpty() ? getTranslation("menu.exam-admin") : title;
    }
}
