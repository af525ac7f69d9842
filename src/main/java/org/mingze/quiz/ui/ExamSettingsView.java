package org.mingze.quiz.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.mingze.base.security.Roles;
import org.mingze.base.time.BureauZone;
import org.mingze.base.ui.FormErrors;
import org.mingze.base.validation.ValidationException;
import org.mingze.org.MemberFilter;
import org.mingze.org.MemberRow;
import org.mingze.org.MemberService;
import org.mingze.org.OrgService;
import org.mingze.org.UnitNode;
import org.mingze.quiz.MultiplePolicy;
import org.mingze.quiz.exam.CountedAttempt;
import org.mingze.quiz.exam.Exam;
import org.mingze.quiz.exam.ExamPurpose;
import org.mingze.quiz.exam.ExamService;
import org.mingze.quiz.exam.ExamSettings;
import org.mingze.quiz.exam.ExamStatus;
import org.mingze.quiz.exam.Navigation;
import org.mingze.quiz.exam.PaperRow;
import org.mingze.quiz.exam.PaperService;
import org.mingze.quiz.exam.ReviewLevel;
import org.mingze.quiz.exam.ReviewPolicy;
import org.mingze.quiz.exam.TabLeaveAction;
import org.mingze.quiz.exam.TabLeavePolicy;
import org.springframework.security.access.AccessDeniedException;

/**
 * 考试设置: a test's paper and settings (purpose, window, time limit, attempts and which counts, pass mark, shuffles,
 * navigation, review policy, audience from the organiser's scope, multiple-choice policy, tab-leave policy). The form
 * checks what it can on the fields in Chinese; the service checks everything again and its problems are shown on the
 * same fields. Organisers and administrators only.
 */
@Route("exams/edit")
@RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
class ExamSettingsView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    static final int MAX_MEMBERS = 2000;

    private final ExamService exams;
    private final PaperService papers;
    private final OrgService org;
    private final MemberService members;
    private final Clock clock;
    private final ZoneId zone = BureauZone.get();

    // made afresh for each navigation: the router reuses this view from "new" to the saved test's address
    TextField title;
    TextArea description;
    ComboBox<PaperRow> paper;
    Select<ExamPurpose> purpose;
    ComboBox<UnitNode> owner;
    DateTimePicker opensAt;
    DateTimePicker closesAt;
    IntegerField timeLimit;
    IntegerField attempts;
    Select<CountedAttempt> counted;
    IntegerField passPercent;
    Checkbox shuffleQuestions;
    Checkbox shuffleOptions;
    Select<Navigation> navigation;
    Select<ReviewLevel> review;
    Checkbox reviewAfterClose;
    Select<MultiplePolicy> multiple;
    Select<TabLeaveAction> tabLeave;
    IntegerField tabLimit;
    MultiSelectComboBox<UnitNode> audienceUnits;
    private List<Long> hiddenUnits = List.of();
    private List<Long> hiddenMembers = List.of();
    MultiSelectComboBox<MemberRow> audienceMembers;
    Button save;
    Button publish;
    private Exam current;

    ExamSettingsView(ExamService exams, PaperService papers, OrgService org, MemberService members, Clock clock) {
        this.exams = exams;
        this.papers = papers;
        this.org = org;
        this.members = members;
        this.clock = clock;
        addClassName("mingze-exam-settings");
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter Long examId) {
        removeAll();
        title = new TextField();
        description = new TextArea();
        paper = new ComboBox<>();
        purpose = new Select<>();
        owner = new ComboBox<>();
        opensAt = new DateTimePicker();
        closesAt = new DateTimePicker();
        timeLimit = new IntegerField();
        attempts = new IntegerField();
        counted = new Select<>();
        passPercent = new IntegerField();
        shuffleQuestions = new Checkbox();
        shuffleOptions = new Checkbox();
        navigation = new Select<>();
        review = new Select<>();
        reviewAfterClose = new Checkbox();
        multiple = new Select<>();
        tabLeave = new Select<>();
        tabLimit = new IntegerField();
        audienceUnits = new MultiSelectComboBox<>();
        audienceMembers = new MultiSelectComboBox<>();
        save = new Button();
        publish = new Button();
        current = null;
        if (examId != null) {
            current = exams.get(examId).orElse(null);
            if (current == null) {
                add(new H2(getTranslation("exam.admin.missing")),
                        new RouterLink(getTranslation("exam.admin.back"), ExamAdminView.class));
                return;
            }
        }
        build();
    }

    private void build() {
        add(new RouterLink(getTranslation("exam.admin.back"), ExamAdminView.class),
                new H2(current == null ? getTranslation("exam.admin.settings.new") : current.settings().title()));
        if (current != null) {
            Span status = new Span(getTranslation(current.status().labelKey()));
            status.getElement().getThemeList().add("badge");
            status.addClassName("mingze-exam-settings-status");
            add(status);
        }
        label(title, "title");
        title.setRequired(true);
        title.setMaxLength(200);
        label(description, "description");
        description.setMaxLength(4000);
        label(paper, "paper");
        paper.setItems(papers.list());
        paper.setItemLabelGenerator(p -> getTranslation("exam.admin.settings.paper-item", p.title(),
                p.questionCount(), ExamAdminView.plain(p.maxPoints())));
        paper.setRequired(true);
        label(purpose, "purpose");
        purpose.setItems(ExamPurpose.values());
        purpose.setItemLabelGenerator(p -> getTranslation(p.labelKey()));
        List<UnitNode> units = org.manageableUnits();
        label(owner, "owner");
        owner.setItems(units);
        owner.setItemLabelGenerator(UnitNode::name);
        label(opensAt, "opens");
        label(closesAt, "closes");
        label(timeLimit, "time-limit");
        timeLimit.setHelperText(getTranslation("exam.admin.settings.time-limit.help"));
        timeLimit.setMin(1);
        timeLimit.setMax(600);
        label(attempts, "attempts");
        attempts.setMin(1);
        attempts.setMax(20);
        attempts.setStepButtonsVisible(true);
        label(counted, "counted");
        counted.setItems(CountedAttempt.values());
        counted.setItemLabelGenerator(c -> getTranslation(c.labelKey()));
        label(passPercent, "pass");
        passPercent.setMin(0);
        passPercent.setMax(100);
        passPercent.setSuffixComponent(new Span("%"));
        shuffleQuestions.setLabel(getTranslation("exam.admin.settings.shuffle-questions"));
        shuffleOptions.setLabel(getTranslation("exam.admin.settings.shuffle-options"));
        label(navigation, "navigation");
        navigation.setItems(Navigation.values());
        navigation.setItemLabelGenerator(n -> getTranslation(n.labelKey()));
        label(review, "review");
        review.setItems(ReviewLevel.values());
        review.setItemLabelGenerator(r -> getTranslation(r.labelKey()));
        reviewAfterClose.setLabel(getTranslation("exam.admin.settings.review-after-close"));
        label(multiple, "multiple");
        multiple.setItems(MultiplePolicy.values());
        multiple.setItemLabelGenerator(m -> getTranslation("exam.admin.multiple." + m.name()));
        label(tabLeave, "tab-leave");
        tabLeave.setItems(TabLeaveAction.values());
        tabLeave.setItemLabelGenerator(t -> getTranslation("exam.tab." + t.name()));
        label(tabLimit, "tab-limit");
        tabLimit.setMin(1);
        tabLimit.setMax(99);
        tabLeave.addValueChangeListener(e -> tabLimit.setVisible(e.getValue() == TabLeaveAction.SUBMIT_AFTER));
        label(audienceUnits, "audience-units");
        audienceUnits.setItems(units);
        audienceUnits.setItemLabelGenerator(UnitNode::name);
        label(audienceMembers, "audience-members");
        List<MemberRow> people = members.search(new MemberFilter(null, null, true, null), 0, MAX_MEMBERS)
                .getContent();
        audienceMembers.setItems(people);
        audienceMembers.setItemLabelGenerator(m -> m.name() + "（" + m.employeeNo() + "，" + m.unitName() + "）");

        Div window = pair(opensAt, closesAt);
        Div limits = pair(timeLimit, passPercent);
        Div tries = pair(attempts, counted);
        Div shuffles = pair(shuffleQuestions, shuffleOptions);
        Div tabs = pair(tabLeave, tabLimit);
        add(title, description, paper, pair(purpose, owner), window, limits, tries, shuffles, navigation,
                pair(review, reviewAfterClose), multiple, tabs, audienceUnits, audienceMembers);

        save.setText(getTranslation("common.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClassName("mingze-exam-settings-save");
        save.addClickListener(e -> save());
        publish.setText(getTranslation("exam.admin.action.publish"));
        publish.addClassName("mingze-exam-settings-publish");
        publish.addClickListener(e -> publish());
        publish.setVisible(current != null && current.status() == ExamStatus.DRAFT);
        Div buttons = new Div(save, publish);
        buttons.addClassName("mingze-exam-card-actions");
        add(buttons);

        fill(current == null ? defaults(units) : current.settings());
        if (current != null && current.status() == ExamStatus.ARCHIVED) {
            save.setVisible(false);
        }
        if (current != null && !current.paperChangeable()) {
            paper.setReadOnly(true);
            paper.setHelperText(getTranslation("exam.error.paper-locked"));
        }
    }

    private ExamSettings defaults(List<UnitNode> units) {
        LocalDateTime start = LocalDateTime.ofInstant(clock.instant(), zone).truncatedTo(ChronoUnit.HOURS)
                .plusHours(1);
        long unit = units.isEmpty() ? 0 : units.get(0).id();
        return ExamSettings.defaults("", 0, unit, start.atZone(zone).toInstant(),
                start.plusDays(7).atZone(zone).toInstant()).withTimeLimit(30);
    }

    private void fill(ExamSettings s) {
        title.setValue(s.title() == null ? "" : s.title());
        description.setValue(s.description() == null ? "" : s.description());
        paper.getListDataView().getItems().filter(p -> p.id() == s.paperId()).findFirst().ifPresent(paper::setValue);
        purpose.setValue(s.purpose());
        unit(s.ownerUnitId()).ifPresent(owner::setValue);
        opensAt.setValue(s.opensAt() == null ? null : LocalDateTime.ofInstant(s.opensAt(), zone));
        closesAt.setValue(s.closesAt() == null ? null : LocalDateTime.ofInstant(s.closesAt(), zone));
        timeLimit.setValue(s.timeLimitMinutes());
        attempts.setValue(s.attemptsAllowed());
        counted.setValue(s.counted());
        passPercent.setValue(s.passPercent());
        shuffleQuestions.setValue(s.shuffleQuestions());
        shuffleOptions.setValue(s.shuffleOptions());
        navigation.setValue(s.navigation());
        review.setValue(s.review().level());
        reviewAfterClose.setValue(s.review().onlyAfterClose());
        multiple.setValue(s.multiplePolicy());
        tabLeave.setValue(s.tabLeave().action());
        tabLimit.setValue(s.tabLeave().action() == TabLeaveAction.SUBMIT_AFTER ? s.tabLeave().limit() : 3);
        tabLimit.setVisible(s.tabLeave().action() == TabLeaveAction.SUBMIT_AFTER);
        Set<Long> unitIds = new HashSet<>(s.audienceUnits());
        audienceUnits.setValue(audienceUnits.getListDataView().getItems().filter(u -> unitIds.contains(u.id()))
                .collect(Collectors.toSet()));
        Set<Long> memberIds = new HashSet<>(s.audienceMembers());
        audienceMembers.setValue(audienceMembers.getListDataView().getItems()
                .filter(m -> memberIds.contains(m.id())).collect(Collectors.toSet()));
        // what the pickers cannot show (units outside the caller's list, members beyond the list's limit or now
        // inactive) stays in the audience: saving must not drop people nobody removed
        unitIds.removeAll(audienceUnits.getValue().stream().map(UnitNode::id).toList());
        memberIds.removeAll(audienceMembers.getValue().stream().map(MemberRow::id).toList());
        hiddenUnits = List.copyOf(unitIds);
        hiddenMembers = List.copyOf(memberIds);
    }

    private java.util.Optional<UnitNode> unit(long id) {
        return owner.getListDataView().getItems().filter(u -> u.id() == id).findFirst();
    }

    /** The settings as filled in; fields left empty become values the service refuses with its own message. */
    ExamSettings settings() {
        return new ExamSettings(title.getValue(), description.getValue(), purpose.getValue(),
                paper.getValue() == null ? 0 : paper.getValue().id(),
                owner.getValue() == null ? 0 : owner.getValue().id(),
                opensAt.getValue() == null ? null : opensAt.getValue().atZone(zone).toInstant(),
                closesAt.getValue() == null ? null : closesAt.getValue().atZone(zone).toInstant(),
                timeLimit.getValue(), attempts.getValue() == null ? 0 : attempts.getValue(), counted.getValue(),
                passPercent.getValue() == null ? -1 : passPercent.getValue(), shuffleQuestions.getValue(),
                shuffleOptions.getValue(), navigation.getValue(),
                review.getValue() == null ? null : new ReviewPolicy(review.getValue(), reviewAfterClose.getValue()),
                multiple.getValue(), tabLeave.getValue() == null ? null : new TabLeavePolicy(tabLeave.getValue(),
                tabLimit.getValue() == null ? 0 : tabLimit.getValue()),
                java.util.stream.Stream.concat(audienceUnits.getValue().stream().map(UnitNode::id),
                        hiddenUnits.stream()).sorted().toList(),
                java.util.stream.Stream.concat(audienceMembers.getValue().stream().map(MemberRow::id),
                        hiddenMembers.stream()).sorted().toList());
    }

    /** The service's field names and the fields that show their problems. */
    private Map<String, HasValidation> fields() {
        Map<String, HasValidation> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("description", description);
        m.put("paperId", paper);
        m.put("purpose", purpose);
        m.put("ownerUnitId", owner);
        m.put("opensAt", opensAt);
        m.put("closesAt", closesAt);
        m.put("timeLimitMinutes", timeLimit);
        m.put("attemptsAllowed", attempts);
        m.put("passPercent", passPercent);
        m.put("tabLeave", tabLimit);
        m.put("audienceUnits", audienceUnits);
        m.put("audienceMembers", audienceMembers);
        return m;
    }

    void save() {
        fields().values().forEach(f -> f.setInvalid(false));
        ExamSettings s = settings();
        try {
            // the service checks everything and names the field of each problem: shown on the fields
            Exam saved = current == null ? exams.create(s) : exams.update(current.id(), s);
            notice(getTranslation("exam.admin.settings.saved", saved.settings().title()));
            UI.getCurrent().navigate(ExamSettingsView.class, saved.id());
        } catch (ValidationException ex) {
            FormErrors.show(ex, fields(), this);
        } catch (AccessDeniedException ex) {
            Notification.show(getTranslation("exam.admin.denied"), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** Publishes what the form shows: changed settings are saved first (a problem stops both). */
    void publish() {
        fields().values().forEach(f -> f.setInvalid(false));
        try {
            ExamSettings s = settings();
            if (!s.equals(current.settings())) {
                current = exams.update(current.id(), s);
            }
            Exam e = exams.publish(current.id());
            notice(getTranslation("exam.admin.published", e.settings().title()));
            UI.getCurrent().navigate(ExamAdminView.class);
        } catch (ValidationException ex) {
            FormErrors.show(ex, fields(), this);
        } catch (AccessDeniedException ex) {
            Notification.show(getTranslation("exam.admin.denied"), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void label(com.vaadin.flow.component.HasLabel field, String key) {
        field.setLabel(getTranslation("exam.admin.settings." + key));
        if (field instanceof com.vaadin.flow.component.HasSize sized) {
            sized.setWidthFull();
        }
    }

    private static Div pair(com.vaadin.flow.component.Component a, com.vaadin.flow.component.Component b) {
        Div d = new Div(a, b);
        d.addClassName("mingze-paper-pair");
        return d;
    }

    private void notice(String text) {
        Notification.show(text, 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    @Override
    public String getPageTitle() {
        return current == null ? getTranslation("exam.admin.settings.new") : current.settings().title();
    }
}
