package org.mingze.quiz.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mingze.base.i18n.Formats;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.security.Role;
import org.mingze.base.security.Roles;
import org.mingze.base.ui.FormErrors;
import org.mingze.base.validation.ValidationException;
import org.mingze.org.OrgService;
import org.mingze.org.UnitNode;
import org.mingze.quiz.exam.AttemptStatus;
import org.mingze.quiz.exam.Exam;
import org.mingze.quiz.exam.ExamService;
import org.mingze.quiz.exam.GradingItem;
import org.mingze.quiz.exam.GradingService;
import org.mingze.quiz.exam.QuestionStat;
import org.mingze.quiz.exam.ResultFilter;
import org.mingze.quiz.exam.ResultRow;
import org.springframework.security.access.AccessDeniedException;

/**
 * 考试结果: the results grid (one row per person by the counted attempt; filters by unit, passed or failed, and state;
 * a row opens the attempt), the .xlsx export, the per-question statistics (correct rate, Moodle's facility and
 * discrimination indexes) and the essay grading queue (reference answer shown; marks and comment). Organisers of the
 * test's scope and administrators grade; auditors read.
 */
@Route(ExamResultsView.ROUTE)
@RolesAllowed({Roles.ORGANIZER, Roles.ADMIN, Roles.AUDITOR})
class ExamResultsView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    static final String ROUTE = "exams/results";

    /** The state filter of the results grid. */
    enum State {
        ALL, FINISHED, NOT_FINISHED, AWAITING
    }

    private final ExamService exams;
    private final GradingService grading;
    private final OrgService org;
    private final boolean canGrade = CurrentUser.has(Role.ORGANIZER) || CurrentUser.has(Role.ADMIN);
    // made afresh for each navigation: the router reuses this view when only the query changes
    ComboBox<UnitNode> unit;
    Select<Boolean> passed;
    Select<State> state;
    TextField name;
    Grid<ResultRow> results;
    Grid<QuestionStat> statistics;
    Div queue;
    TabSheet tabs;
    Anchor export;
    private Exam exam;

    ExamResultsView(ExamService exams, GradingService grading, OrgService org) {
        this.exams = exams;
        this.grading = grading;
        this.org = org;
        addClassName("mingze-exam-results");
    }

    @Override
    public void setParameter(BeforeEvent event, Long examId) {
        removeAll();
        unit = new ComboBox<>();
        passed = new Select<>();
        state = new Select<>();
        name = new TextField();
        results = new Grid<>();
        statistics = new Grid<>();
        queue = new Div();
        tabs = new TabSheet();
        exam = null;
        try {
            exam = exams.get(examId).orElse(null); // empty outside the caller's scope
        } catch (AccessDeniedException | ValidationException e) {
            exam = null;
        }
        if (exam == null) {
            Paragraph refused = new Paragraph(getTranslation("exam.admin.refused"));
            refused.addClassName("mingze-exam-admin-refused");
            add(new H2(getTranslation("exam.admin.missing")), refused,
                    new RouterLink(getTranslation("exam.admin.back"), ExamAdminView.class));
            return;
        }
        Div links = new Div(new RouterLink(getTranslation("exam.admin.back"), ExamAdminView.class),
                new RouterLink(getTranslation("exam.admin.action.monitor"), ExamMonitorView.class, examId));
        links.addClassName("mingze-exam-card-actions");
        export = new Anchor(DownloadHandler.fromInputStream(ev -> {
            byte[] bytes = exportBytes();
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName(),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes.length);
        }), getTranslation("common.export"));
        export.getElement().insertChild(0, VaadinIcon.DOWNLOAD_ALT.create().getElement());
        export.addClassName("mingze-exam-export");
        add(links, new H2(getTranslation("exam.admin.results.title", exam.settings().title())),
                new Span(getTranslation("exam.admin.results.facts", exam.paperTitle(), exam.questionCount(),
                        ExamAdminView.plain(exam.maxPoints()), exam.settings().passPercent())), export);
        tabs.setWidthFull();
        tabs.add(getTranslation("exam.admin.results.tab"), resultsTab());
        tabs.add(getTranslation("exam.admin.statistics.tab"), statisticsTab());
        tabs.add(getTranslation("exam.admin.grading.tab"), queue);
        add(tabs);
        showResults();
        showStatistics();
        showQueue();
        List<String> tab = event.getLocation().getQueryParameters().getParameters().getOrDefault("tab", List.of());
        if (tab.contains("statistics")) {
            tabs.setSelectedIndex(1);
        } else if (tab.contains("grading")) {
            tabs.setSelectedIndex(2);
        }
    }

    private String fileName() {
        return getTranslation("exam.admin.results.file", exam.id()) + ".xlsx";
    }

    /** The workbook the export anchor sends (ExamService.exportXlsx: results and statistics; audited). */
    byte[] exportBytes() {
        Locale locale = UI.getCurrent() == null ? Locale.CHINA : UI.getCurrent().getLocale();
        return exams.exportXlsx(exam.id(), locale);
    }

    private Div resultsTab() {
        unit.setLabel(getTranslation("exam.admin.column.unit"));
        unit.setItems(org.visibleUnits());
        unit.setItemLabelGenerator(UnitNode::name);
        unit.setClearButtonVisible(true);
        passed.setLabel(getTranslation("exam.admin.results.passed"));
        passed.setEmptySelectionAllowed(true);
        passed.setEmptySelectionCaption(getTranslation("exam.admin.any"));
        passed.setItems(Boolean.TRUE, Boolean.FALSE);
        passed.setItemLabelGenerator(b -> b == null ? getTranslation("exam.admin.any")
                : getTranslation(b ? "exam.export.yes" : "exam.export.no"));
        state.setLabel(getTranslation("exam.admin.results.state"));
        state.setItems(State.values());
        state.setItemLabelGenerator(s -> getTranslation("exam.admin.results.state." + s.name()));
        state.setValue(State.ALL);
        name.setLabel(getTranslation("exam.admin.results.name"));
        name.setClearButtonVisible(true);
        unit.addValueChangeListener(e -> showResults());
        passed.addValueChangeListener(e -> showResults());
        state.addValueChangeListener(e -> showResults());
        name.addValueChangeListener(e -> showResults());
        Div filters = new Div(unit, passed, state, name);
        filters.addClassName("mingze-paper-filters");
        results.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        results.addColumn(r -> r.memberName() + (r.employeeNo() == null ? "" : "（" + r.employeeNo() + "）"))
                .setHeader(getTranslation("exam.admin.column.name")).setAutoWidth(true).setFlexGrow(1);
        wide.add(results.addColumn(ResultRow::unitName).setHeader(getTranslation("exam.admin.column.unit"))
                .setAutoWidth(true));
        results.addColumn(r -> r.score() == null ? (r.awaitingManual() > 0
                        ? getTranslation("exam.attempt.AWAITING_MANUAL") : "")
                        : ExamAdminView.plain(r.score()) + " / " + ExamAdminView.plain(r.maxPoints()))
                .setHeader(getTranslation("exam.admin.column.score")).setAutoWidth(true);
        wide.add(results.addColumn(r -> r.passed() == null ? "" : getTranslation(r.passed() ? "exam.export.yes"
                : "exam.export.no")).setHeader(getTranslation("exam.admin.results.passed")).setAutoWidth(true));
        wide.add(results.addColumn(ResultRow::attemptsUsed).setHeader(getTranslation("exam.export.column.attempts"))
                .setAutoWidth(true));
        results.addComponentColumn(r -> {
            if (r.countedAttemptId() == null) {
                return new Span();
            }
            RouterLink link = new RouterLink(getTranslation("exam.admin.results.open"), ExamAttemptView.class,
                    r.countedAttemptId());
            link.addClassName("mingze-exam-attempt-link");
            return link;
        }).setHeader(getTranslation("common.actions")).setAutoWidth(true);
        results.setAllRowsVisible(true);
        Div tab = new Div(filters, results);
        tab.addClassName("mingze-exam-results-tab");
        return tab;
    }

    /** The rows as filtered; the service filters by unit, pass and name, the state here. */
    List<ResultRow> filteredResults() {
        ResultFilter f = new ResultFilter(unit.getValue() == null ? null : unit.getValue().id(), passed.getValue(),
                name.getValue() == null || name.getValue().isBlank() ? null : name.getValue(),
                state.getValue() != State.FINISHED);
        State s = state.getValue() == null ? State.ALL : state.getValue();
        return exams.results(exam.id(), f).stream().filter(r -> switch (s) {
            case ALL -> true;
            case FINISHED -> r.countedAttemptId() != null;
            case NOT_FINISHED -> r.countedAttemptId() == null && r.awaitingManual() == 0;
            case AWAITING -> r.awaitingManual() > 0;
        }).toList();
    }

    /** The columns left out on a narrow screen (a phone): the grids would scroll sideways inside themselves. */
    private final List<Grid.Column<?>> wide = new java.util.ArrayList<>();

    /** Shows only the essential columns (narrow: name, score, link; question, correct rate) or all of them. */
    void narrow(boolean narrow) {
        wide.forEach(c -> c.setVisible(!narrow));
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        attachEvent.getUI().getPage().retrieveExtendedClientDetails(d -> narrow(d.getWindowInnerWidth()
                < ExamMonitorView.NARROW_PX));
    }

    void showResults() {
        results.setItems(filteredResults());
    }

    private Div statisticsTab() {
        statistics.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        statistics.addColumn(s -> getTranslation("quiz.type." + s.type().name()) + " · " + shorten(s.stem()))
                .setHeader(getTranslation("exam.export.column.stem")).setFlexGrow(1).setWidth("14rem");
        wide.add(statistics.addColumn(QuestionStat::responses)
                .setHeader(getTranslation("exam.export.column.responses")).setAutoWidth(true));
        statistics.addColumn(s -> percent(s.correctRate()))
                .setHeader(getTranslation("exam.export.column.correct-rate")).setAutoWidth(true);
        wide.add(statistics.addColumn(s -> percent(s.facilityIndex()))
                .setHeader(getTranslation("exam.export.column.facility")).setAutoWidth(true));
        wide.add(statistics.addColumn(s -> s.discrimination() == null ? "-" : percent(s.discrimination()))
                .setHeader(getTranslation("exam.export.column.discrimination")).setAutoWidth(true));
        wide.add(statistics.addColumn(s -> s.efficiency() == null ? "-" : percent(s.efficiency()))
                .setHeader(getTranslation("exam.export.column.efficiency")).setAutoWidth(true));
        statistics.setAllRowsVisible(true);
        Paragraph help = new Paragraph(getTranslation("exam.admin.statistics.help"));
        help.addClassName("mingze-small");
        return new Div(help, statistics);
    }

    void showStatistics() {
        statistics.setItems(exams.statistics(exam.id()));
    }

    static String percent(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    void showQueue() {
        queue.removeAll();
        queue.addClassName("mingze-exam-grading");
        List<GradingItem> items = grading.queue(exam.id());
        if (items.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("exam.admin.grading.none"));
            none.addClassName("mingze-empty");
            queue.add(none);
        }
        Locale locale = UI.getCurrent() == null ? Locale.CHINA : UI.getCurrent().getLocale();
        for (GradingItem g : items) {
            queue.add(gradingCard(g, locale));
        }
    }

    private Div gradingCard(GradingItem g, Locale locale) {
        Div card = new Div();
        card.addClassName("mingze-exam-grading-item");
        card.add(new Span(getTranslation("exam.admin.grading.who", g.memberName(), g.unitName(),
                g.submittedAt() == null ? "" : Formats.dateTime(g.submittedAt(), locale))));
        QuestionCard question = new QuestionCard(g.question(), g.position() + 1);
        question.setReadOnly(true);
        card.add(question);
        Paragraph answer = new Paragraph(getTranslation("exam.admin.grading.answer",
                g.answerText() == null || g.answerText().isBlank() ? getTranslation("exam.admin.grading.empty")
                        : g.answerText()));
        answer.addClassName("mingze-exam-grading-answer");
        Paragraph reference = new Paragraph(getTranslation("exam.admin.grading.reference", g.referenceAnswer()));
        reference.addClassName("mingze-exam-grading-reference");
        BigDecimalField marks = new BigDecimalField(getTranslation("exam.admin.grading.marks",
                ExamAdminView.plain(g.maxPoints())));
        marks.addClassName("mingze-exam-grading-marks");
        marks.setValue(g.points());
        TextArea comment = new TextArea(getTranslation("exam.admin.grading.comment"));
        comment.setMaxLength(2000);
        comment.setWidthFull();
        comment.setValue(g.comment() == null ? "" : g.comment());
        comment.addClassName("mingze-exam-grading-comment");
        Button save = new Button(getTranslation("exam.admin.grading.save"), e -> {
            if (marks.getValue() == null) {
                marks.setErrorMessage(getTranslation("exam.grade.error.points", ExamAdminView.plain(g.maxPoints())));
                marks.setInvalid(true);
                return;
            }
            try {
                AttemptStatus after = grading.grade(g.attemptId(), g.position(), marks.getValue(),
                        comment.getValue());
                Notification.show(getTranslation(after == AttemptStatus.GRADED ? "exam.admin.grading.done"
                                : "exam.admin.grading.saved", g.memberName()), 4000,
                        Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                showQueue();
                showResults();
                showStatistics();
            } catch (ValidationException ex) {
                FormErrors.show(ex, Map.of("points", marks, "comment", comment), this);
            } catch (AccessDeniedException ex) {
                Notification.show(getTranslation("exam.admin.denied"), 8000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClassName("mingze-exam-grading-save");
        save.setVisible(canGrade);
        marks.setReadOnly(!canGrade);
        comment.setReadOnly(!canGrade);
        card.add(answer, reference, marks, comment, save);
        return card;
    }

    @Override
    public String getPageTitle() {
        return exam == null ? getTranslation("menu.exam-admin") : exam.settings().title();
    }
}
