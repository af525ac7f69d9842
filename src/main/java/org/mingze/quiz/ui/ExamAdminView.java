package org.mingze.quiz.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mingze.base.i18n.Formats;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.security.Role;
import org.mingze.base.security.Roles;
import org.mingze.base.validation.ValidationException;
import org.mingze.quiz.exam.ExamRow;
import org.mingze.quiz.exam.ExamService;
import org.mingze.quiz.exam.ExamStatus;
import org.mingze.quiz.exam.PaperRow;
import org.mingze.quiz.exam.PaperService;
import org.springframework.security.access.AccessDeniedException;

/**
 * 考试管理: the tests of the organiser's scope by status (draft, scheduled, open, closed, archived) with their window,
 * audience and how many started and finished, and what can be done with each (edit, publish, archive, monitor,
 * results, statistics); below, the papers. Organisers and administrators change; auditors read.
 */
@Route(ExamAdminView.ROUTE)
@RolesAllowed({Roles.ORGANIZER, Roles.ADMIN, Roles.AUDITOR})
@Menu(title = "menu.exam-admin", order = 41, icon = "vaadin:clipboard-check")
class ExamAdminView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "exams/admin";

    /** The list's filter: the stored status, with "published" split by the clock into scheduled and open. */
    enum Shown {
        ALL, DRAFT, SCHEDULED, OPEN, CLOSED, ARCHIVED
    }

    private final ExamService exams;
    private final PaperService papers;
    private final Clock clock;
    private final boolean canManage = CurrentUser.has(Role.ORGANIZER) || CurrentUser.has(Role.ADMIN);
    final Select<Shown> filter = new Select<>();
    final Div list = new Div();
    final Div paperList = new Div();

    ExamAdminView(ExamService exams, PaperService papers, Clock clock) {
        this.exams = exams;
        this.papers = papers;
        this.clock = clock;
        addClassName("mingze-exam-admin");
        Div tools = new Div();
        tools.addClassName("mingze-exam-admin-tools");
        if (canManage) {
            Button create = new Button(getTranslation("exam.admin.new-exam"), VaadinIcon.PLUS.create(),
                    e -> UI.getCurrent().navigate(ExamSettingsView.class));
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.addClassName("mingze-exam-admin-new");
            Button paper = new Button(getTranslation("exam.admin.new-paper"), VaadinIcon.FILE_TEXT_O.create(),
                    e -> UI.getCurrent().navigate(PaperEditorView.class));
            paper.addClassName("mingze-exam-admin-new-paper");
            tools.add(create, paper);
        }
        filter.setLabel(getTranslation("exam.admin.filter"));
        filter.setItems(Shown.values());
        filter.setItemLabelGenerator(s -> getTranslation("exam.admin.shown." + s.name()));
        filter.setValue(Shown.ALL);
        filter.addValueChangeListener(e -> showExams());
        list.addClassName("mingze-exam-cards");
        paperList.addClassName("mingze-exam-cards");
        add(new H2(getTranslation("menu.exam-admin")), tools, filter, list,
                new H3(getTranslation("exam.admin.papers")), paperList);
        showExams();
        showPapers();
    }

    /** The label of a row's state: a published test is "scheduled" before its open time, "open" within its window. */
    Shown shown(ExamRow r, Instant now) {
        return switch (r.status()) {
            case DRAFT -> Shown.DRAFT;
            case PUBLISHED -> now.isBefore(r.opensAt()) ? Shown.SCHEDULED : Shown.OPEN;
            case CLOSED -> Shown.CLOSED;
            case ARCHIVED -> Shown.ARCHIVED;
        };
    }

    void showExams() {
        list.removeAll();
        Shown wanted = filter.getValue() == null ? Shown.ALL : filter.getValue();
        ExamStatus stored = switch (wanted) {
            case ALL -> null;
            case DRAFT -> ExamStatus.DRAFT;
            case SCHEDULED, OPEN -> ExamStatus.PUBLISHED;
            case CLOSED -> ExamStatus.CLOSED;
            case ARCHIVED -> ExamStatus.ARCHIVED;
        };
        Instant now = clock.instant();
        List<ExamRow> rows = exams.list(stored).stream()
                .filter(r -> wanted == Shown.ALL || wanted == Shown.ARCHIVED || wanted == Shown.CLOSED
                        || shown(r, now) == wanted).toList();
        if (rows.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("exam.admin.none"));
            none.addClassName("mingze-empty");
            list.add(none);
        }
        Locale locale = UI.getCurrent().getLocale();
        for (ExamRow r : rows) {
            list.add(card(r, shown(r, now), locale));
        }
    }

    private Div card(ExamRow r, Shown state, Locale locale) {
        Div card = new Div();
        card.addClassName("mingze-exam-card");
        card.addClassName("mingze-exam-admin-row");
        Span status = new Span(getTranslation("exam.admin.shown." + state.name()));
        status.getElement().getThemeList().add(switch (state) {
            case OPEN -> "badge success";
            case SCHEDULED -> "badge contrast";
            case DRAFT -> "badge";
            default -> "badge contrast small";
        });
        status.addClassName("mingze-exam-admin-status");
        Span purpose = new Span(getTranslation(r.purpose().labelKey()));
        purpose.getElement().getThemeList().add("badge small");
        Div title = new Div(new Span(r.title()), purpose, status);
        title.addClassName("mingze-exam-card-title");
        card.add(title,
                ExamResultView.small(getTranslation("exam.ui.mine.window", Formats.dateTime(r.opensAt(), locale),
                        Formats.dateTime(r.closesAt(), locale))
                        + (r.timeLimitMinutes() == null ? "" : " · " + getTranslation("exam.ui.minutes",
                        r.timeLimitMinutes()))),
                ExamResultView.small(getTranslation("exam.admin.counts", r.ownerUnitName(), r.audience(), r.started(),
                        r.finished())));
        if (r.personallyOpen(clock.instant())) {
            // closed for everyone else, but a re-sit or another window granted to someone still runs
            Span resit = new Span(getTranslation("exam.admin.personal-open",
                    Formats.dateTime(r.personalClosesAt(), locale)));
            resit.getElement().getThemeList().add("badge success small");
            resit.addClassName("mingze-exam-admin-personal-open");
            title.add(resit);
        }
        Div actions = new Div();
        actions.addClassName("mingze-exam-card-actions");
        if (canManage && r.status() != ExamStatus.ARCHIVED) {
            actions.add(action("edit", e -> UI.getCurrent().navigate(ExamSettingsView.class, r.id())));
        }
        if (canManage && r.status() == ExamStatus.DRAFT) {
            Button publish = action("publish", e -> publish(r));
            publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(publish);
        }
        if (r.status() != ExamStatus.DRAFT) {
            actions.add(action("monitor", e -> UI.getCurrent().navigate(ExamMonitorView.class, r.id())),
                    action("results", e -> UI.getCurrent().navigate(ExamResultsView.class, r.id())),
                    action("statistics", e -> UI.getCurrent().navigate(ExamResultsView.ROUTE + "/" + r.id(),
                            new QueryParameters(Map.of("tab", List.of("statistics"))))));
        }
        if (canManage && r.status() != ExamStatus.ARCHIVED) {
            actions.add(action("archive", e -> confirmArchive(r)));
        }
        card.add(actions);
        return card;
    }

    private Button action(String key, com.vaadin.flow.component.ComponentEventListener<
            com.vaadin.flow.component.ClickEvent<Button>> listener) {
        Button b = new Button(getTranslation("exam.admin.action." + key), listener);
        b.addClassName("mingze-exam-admin-" + key);
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return b;
    }

    private void publish(ExamRow r) {
        try {
            exams.publish(r.id());
            notice(getTranslation("exam.admin.published", r.title()));
        } catch (ValidationException ex) {
            error(ex);
        } catch (AccessDeniedException ex) {
            error(getTranslation("exam.admin.denied"));
        }
        showExams();
    }

    private void confirmArchive(ExamRow r) {
        ConfirmDialog d = new ConfirmDialog(getTranslation("exam.admin.archive.title", r.title()),
                getTranslation("exam.admin.archive.text"), getTranslation("exam.admin.action.archive"), e -> {
            try {
                exams.archive(r.id());
                notice(getTranslation("exam.admin.archived", r.title()));
            } catch (ValidationException ex) {
                error(ex);
            } catch (AccessDeniedException ex) {
                error(getTranslation("exam.admin.denied"));
            }
            showExams();
        });
        d.setCancelable(true);
        d.setCancelText(getTranslation("common.cancel"));
        d.open();
    }

    private void showPapers() {
        paperList.removeAll();
        List<PaperRow> rows = papers.list();
        if (rows.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("exam.admin.no-papers"));
            none.addClassName("mingze-empty");
            paperList.add(none);
        }
        for (PaperRow p : rows) {
            Div card = new Div();
            card.addClassName("mingze-exam-card");
            card.addClassName("mingze-exam-admin-paper");
            Span kind = new Span(getTranslation("exam.paper-kind." + p.kind().name()));
            kind.getElement().getThemeList().add("badge small");
            Div title = new Div(new Span(p.title()), kind);
            title.addClassName("mingze-exam-card-title");
            card.add(title, ExamResultView.small(getTranslation("exam.admin.paper-facts", p.questionCount(), plain(p.maxPoints()),
                    p.ownerUnitName(), p.exams())));
            Button open = action(canManage ? "edit" : "view",
                    e -> UI.getCurrent().navigate(PaperEditorView.class, p.id()));
            card.add(new Div(open));
            paperList.add(card);
        }
    }

    static String plain(BigDecimal d) {
        return d == null ? "-" : d.stripTrailingZeros().toPlainString();
    }

    private void notice(String text) {
        Notification.show(text, 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void error(ValidationException ex) {
        error(String.join("\n", ex.problems().stream()
                .map(p -> getTranslation(p.key(), p.args().toArray())).toList()));
    }

    private void error(String text) {
        Notification n = Notification.show(text, 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.exam-admin");
    }
}
