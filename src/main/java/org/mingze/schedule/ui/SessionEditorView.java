package org.mingze.schedule.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
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
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.mingze.base.security.Roles;
import org.mingze.base.time.BureauZone;
import org.mingze.base.ui.FormErrors;
import org.mingze.base.validation.ValidationException;
import org.mingze.org.OrgService;
import org.mingze.org.UnitNode;
import org.mingze.schedule.Conflict;
import org.mingze.schedule.Person;
import org.mingze.schedule.SavedSession;
import org.mingze.schedule.ScheduleService;
import org.mingze.base.i18n.Formats;
import org.mingze.schedule.QuizChoice;
import org.mingze.schedule.SessionDetail;
import org.mingze.schedule.SessionDraft;
import org.mingze.schedule.SessionType;

/**
 * Creating or changing a session: type, topic, time, place or link, host, agenda, reading, attendees (the whole unit
 * by default), check-in margin and make-up period. Clashes with the unit's other sessions or the host's are shown
 * as warnings while the form is filled; the server checks everything again on save.
 */
@Route("schedule/edit")
@RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
class SessionEditorView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final ScheduleService schedule;
    private final ComboBox<UnitNode> unit = new ComboBox<>();
    private final Select<SessionType> type = new Select<>();
    private final TextField topic = new TextField();
    private final DateTimePicker startsAt = new DateTimePicker();
    private final IntegerField duration = new IntegerField();
    private final TextField place = new TextField();
    private final TextField link = new TextField();
    private final ComboBox<Person> hostMember = new ComboBox<>();
    private final TextField host = new TextField();
    private final TextArea agenda = new TextArea();
    private final MultiSelectComboBox<SessionDetail.Reading> reading = new MultiSelectComboBox<>();
    private final ComboBox<QuizChoice> quiz = new ComboBox<>();
    private final Checkbox everyone = new Checkbox();
    private final MultiSelectComboBox<Person> attendees = new MultiSelectComboBox<>();
    private final IntegerField margin = new IntegerField();
    private final IntegerField makeupDays = new IntegerField();
    private final Div warnings = new Div();
    private final List<UnitNode> units;
    private Long id;

    SessionEditorView(ScheduleService schedule, OrgService org) {
        this.schedule = schedule;
        this.units = org.manageableUnits();
        addClassName("mingze-session-editor");
        unit.setItems(units);
        unit.setItemLabelGenerator(UnitNode::name);
        type.setItems(SessionType.values());
        type.setItemLabelGenerator(t -> getTranslation(t.labelKey()));
        topic.setMaxLength(200);
        startsAt.setStep(java.time.Duration.ofMinutes(15));
        startsAt.setLocale(UI.getCurrent().getLocale());
        duration.setMin(10);
        duration.setMax(1440);
        duration.setStepButtonsVisible(true);
        duration.setStep(15);
        hostMember.setItemLabelGenerator(p -> p.name() + "（" + p.unitName() + "）");
        hostMember.setClearButtonVisible(true);
        hostMember.addValueChangeListener(e -> {
            if (e.getValue() != null && e.isFromClient()) {
                host.setValue(e.getValue().name());
            }
        });
        List<SessionDetail.Reading> materials = schedule.materialChoices();
        reading.setItems(materials);
        reading.setItemLabelGenerator(SessionDetail.Reading::title);
        quiz.setItemLabelGenerator(q -> q.title() + "（" + Formats.dateTime(q.closesAt(), UI.getCurrent().getLocale())
                + " " + getTranslation("schedule.quiz.closes") + "）");
        quiz.setClearButtonVisible(true);
        quiz.setPlaceholder(getTranslation("schedule.quiz.none"));
        quiz.addClassName("mingze-session-quiz");
        everyone.setValue(true);
        attendees.setItemLabelGenerator(p -> p.name() + "（" + p.unitName() + "）");
        attendees.setVisible(false);
        everyone.addValueChangeListener(e -> attendees.setVisible(!e.getValue()));
        margin.setMin(0);
        margin.setMax(240);
        makeupDays.setMin(1);
        makeupDays.setMax(180);
        warnings.addClassName("mingze-session-warnings");

        label(unit, "schedule.field.unit");
        label(type, "schedule.field.type");
        label(topic, "schedule.field.topic");
        label(startsAt, "schedule.field.when");
        label(duration, "schedule.field.duration");
        label(place, "schedule.field.place");
        label(link, "schedule.field.link");
        label(hostMember, "schedule.field.host-member");
        label(host, "schedule.field.host");
        label(agenda, "schedule.field.agenda");
        label(reading, "schedule.field.reading");
        label(quiz, "schedule.field.quiz");
        quiz.setHelperText(getTranslation("schedule.quiz.helper"));
        everyone.setLabel(getTranslation("schedule.field.everyone"));
        label(attendees, "schedule.field.attendees");
        label(margin, "schedule.field.margin");
        label(makeupDays, "schedule.field.makeup-days");

        unit.addValueChangeListener(e -> unitChanged());
        startsAt.addValueChangeListener(e -> checkConflicts());
        duration.addValueChangeListener(e -> checkConflicts());
        hostMember.addValueChangeListener(e -> checkConflicts());
    }

    private void label(com.vaadin.flow.component.HasLabel field, String key) {
        field.setLabel(getTranslation(key));
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String parameter) {
        removeAll();
        Map<String, List<String>> q = event.getLocation().getQueryParameters().getParameters();
        if (parameter != null && parameter.matches("\\d{1,18}")) {
            id = Long.valueOf(parameter);
            SessionDetail d = schedule.detail(id);
            fill(d);
        } else {
            id = null;
            LocalDate day = q.getOrDefault("date", List.of()).stream().findFirst().map(LocalDate::parse)
                    .orElse(LocalDate.now(BureauZone.get()).plusDays(1));
            Long unitId = q.getOrDefault("unit", List.of()).stream().filter(s -> s.matches("\\d+")).findFirst()
                    .map(Long::valueOf).orElse(null);
            unit.setValue(units.stream().filter(u -> unitId != null && u.id() == unitId).findFirst()
                    .orElse(units.isEmpty() ? null : units.get(0)));
            type.setValue(SessionType.THEME_DAY);
            startsAt.setValue(day.atTime(LocalTime.of(14, 30)));
            duration.setValue(90);
            margin.setValue(SessionDraft.DEFAULT_MARGIN);
            makeupDays.setValue(SessionDraft.DEFAULT_MAKEUP_DAYS);
        }
        add(new RouterLink(getTranslation("schedule.session.back"), ScheduleView.class),
                new H2(getTranslation(id == null ? "schedule.editor.new" : "schedule.editor.edit")));
        FormLayout form = new FormLayout(unit, type, topic, startsAt, duration, place, link, hostMember, host, agenda,
                reading, quiz, everyone, attendees, margin, makeupDays);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("640px", 2));
        form.setColspan(topic, 2);
        form.setColspan(agenda, 2);
        form.setColspan(reading, 2);
        form.setColspan(quiz, 2);
        form.setColspan(attendees, 2);
        Button save = new Button(getTranslation("schedule.editor.save"), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClassName("mingze-session-save");
        add(form, warnings, new HorizontalLayout(save));
        unit.setReadOnly(id != null);
        checkConflicts();
    }

    private void fill(SessionDetail d) {
        var c = d.card();
        unit.setValue(units.stream().filter(u -> u.id() == c.unitId()).findFirst().orElse(null));
        type.setValue(c.type());
        topic.setValue(c.topic());
        startsAt.setValue(c.startsAt());
        duration.setValue((int) java.time.Duration.between(c.startsAt(), c.endsAt()).toMinutes());
        place.setValue(c.place() == null ? "" : c.place());
        link.setValue(d.onlineLink() == null ? "" : d.onlineLink());
        host.setValue(c.host() == null ? "" : c.host());
        agenda.setValue(d.agenda() == null ? "" : d.agenda());
        Set<String> chosen = Set.copyOf(d.materialIds());
        reading.setValue(schedule.materialChoices().stream().filter(r -> chosen.contains(r.materialId()))
                .collect(Collectors.toCollection(LinkedHashSet::new)));
        if (d.examId() != null) {
            quiz.setValue(quizChoices.stream().filter(q -> q.examId() == d.examId()).findFirst().orElse(null));
        }
        margin.setValue(d.checkInMarginMinutes());
        makeupDays.setValue(d.makeupDays());
        everyone.setValue(false);
        Set<Long> ids = d.attendees().stream().map(a -> a.memberId()).collect(Collectors.toSet());
        attendees.setValue(peopleOfUnit().stream().filter(p -> ids.contains(p.id())).collect(Collectors.toSet()));
        if (d.hostMemberId() != null) {
            hostMember.setValue(peopleOfUnit().stream().filter(p -> p.id() == d.hostMemberId()).findFirst()
                    .orElse(null));
        }
    }

    private List<Person> peopleCache;
    private List<QuizChoice> quizChoices = List.of();

    private List<Person> peopleOfUnit() {
        if (peopleCache == null) {
            peopleCache = unit.getValue() == null ? List.of() : schedule.people(unit.getValue().id());
        }
        return peopleCache;
    }

    private void unitChanged() {
        peopleCache = null;
        List<Person> people = peopleOfUnit();
        attendees.setItems(people);
        hostMember.setItems(people);
        quizChoices = unit.getValue() == null ? List.of() : schedule.quizChoices(unit.getValue().id());
        quiz.setItems(quizChoices);
        checkConflicts();
    }

    private SessionDraft draft() {
        UnitNode u = unit.getValue();
        Set<Long> ids = everyone.getValue() ? null
                : attendees.getValue().stream().map(Person::id).collect(Collectors.toSet());
        return new SessionDraft(id, u == null ? 0 : u.id(), type.getValue(), topic.getValue(), startsAt.getValue(),
                duration.getValue() == null ? 0 : duration.getValue(), blankToNull(place.getValue()),
                blankToNull(link.getValue()), blankToNull(host.getValue()),
                hostMember.getValue() == null ? null : hostMember.getValue().id(), blankToNull(agenda.getValue()),
                reading.getValue().stream().map(SessionDetail.Reading::materialId).toList(),
                quiz.getValue() == null ? null : quiz.getValue().examId(), ids,
                margin.getValue() == null ? -1 : margin.getValue(),
                makeupDays.getValue() == null ? 0 : makeupDays.getValue());
    }

    private void checkConflicts() {
        warnings.removeAll();
        if (unit.getValue() == null || startsAt.getValue() == null || duration.getValue() == null) {
            return;
        }
        for (Conflict c : schedule.conflicts(draft())) {
            Span w = new Span(getTranslation("schedule.conflict." + c.kind(), c.otherTopic(),
                    c.otherUnitName() == null ? "" : c.otherUnitName()));
            w.getElement().getThemeList().add("badge contrast");
            w.addClassName("mingze-session-warning");
            warnings.add(w);
        }
    }

    private void save() {
        try {
            SavedSession saved = schedule.save(draft());
            Notification n = Notification.show(getTranslation("schedule.editor.saved"), 3000,
                    Notification.Position.BOTTOM_START);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            UI.getCurrent().navigate(SessionView.class, saved.session().id());
        } catch (ValidationException ex) {
            Map<String, com.vaadin.flow.component.HasValidation> fields = new HashMap<>();
            fields.put("type", type);
            fields.put("topic", topic);
            fields.put("startsAt", startsAt);
            fields.put("durationMinutes", duration);
            fields.put("onlineLink", link);
            fields.put("materialIds", reading);
            fields.put("examId", quiz);
            fields.put("attendeeIds", attendees);
            fields.put("checkInMarginMinutes", margin);
            fields.put("makeupDays", makeupDays);
            FormErrors.show(ex, fields, this);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String getPageTitle() {
        return getTranslation(id == null ? "schedule.editor.new" : "schedule.editor.edit");
    }
}
