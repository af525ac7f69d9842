package org.mingze.schedule.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.mingze.base.i18n.Formats;
import org.mingze.base.security.Roles;
import org.mingze.base.time.BureauZone;
import org.mingze.base.ui.FormErrors;
import org.mingze.base.validation.ValidationException;
import org.mingze.org.OrgService;
import org.mingze.org.UnitNode;
import org.mingze.schedule.PlanTemplate;
import org.mingze.schedule.Recurrence;
import org.mingze.schedule.SavedSession;
import org.mingze.schedule.ScheduleService;
import org.mingze.schedule.SeriesPreview;
import org.mingze.schedule.SeriesRequest;
import org.mingze.schedule.SessionType;

/**
 * 批量生成: a year of theme days (or any kind of session) from a rule such as 每月第一个星期五 14:30, with the topics
 * and reading copied from an annual plan template and edited line by line ("3 书记第一责任人"). A preview lists every
 * date with its warnings and the months the rule skips before anything is created; creating is all or nothing.
 */
@Route("schedule/series")
@RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
class SeriesView extends VerticalLayout implements HasDynamicTitle {

    private final ScheduleService schedule;
    private final ComboBox<UnitNode> unit = new ComboBox<>();
    private final Select<SessionType> type = new Select<>();
    private final Select<Integer> ordinal = new Select<>();
    private final Select<DayOfWeek> weekday = new Select<>();
    private final Select<Integer> every = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final TimePicker time = new TimePicker();
    private final IntegerField duration = new IntegerField();
    private final TextField place = new TextField();
    private final TextField host = new TextField();
    private final TextField topic = new TextField();
    private final ComboBox<PlanTemplate> template = new ComboBox<>();
    private final TextArea topics = new TextArea();
    private final Div preview = new Div();
    private Map<Integer, List<String>> materials = Map.of();

    SeriesView(ScheduleService schedule, OrgService org) {
        this.schedule = schedule;
        addClassName("mingze-series");
        Locale locale = UI.getCurrent().getLocale();
        add(new RouterLink(getTranslation("schedule.session.back"), ScheduleView.class),
                new H2(getTranslation("schedule.series.title")), new Paragraph(getTranslation("schedule.series.intro")));
        List<UnitNode> units = org.manageableUnits();
        unit.setItems(units);
        unit.setItemLabelGenerator(UnitNode::name);
        unit.setValue(units.isEmpty() ? null : units.get(0));
        unit.setLabel(getTranslation("schedule.field.unit"));
        type.setItems(SessionType.values());
        type.setItemLabelGenerator(t -> getTranslation(t.labelKey()));
        type.setValue(SessionType.THEME_DAY);
        type.setLabel(getTranslation("schedule.field.type"));
        ordinal.setItems(1, 2, 3, 4, 5, -1);
        ordinal.setItemLabelGenerator(i -> getTranslation("schedule.series.ordinal." + (i == -1 ? "last" : i)));
        ordinal.setValue(1);
        ordinal.setLabel(getTranslation("schedule.series.which"));
        weekday.setItems(DayOfWeek.values());
        weekday.setItemLabelGenerator(d -> d.getDisplayName(TextStyle.FULL, locale));
        weekday.setValue(DayOfWeek.FRIDAY);
        weekday.setLabel(getTranslation("schedule.series.weekday"));
        every.setItems(1, 3);
        every.setItemLabelGenerator(i -> getTranslation("schedule.series.every." + i));
        every.setValue(1);
        every.setLabel(getTranslation("schedule.series.every"));
        LocalDate next = LocalDate.now(BureauZone.get()).plusYears(1).withDayOfYear(1);
        from.setValue(next);
        to.setValue(next.withMonth(12).withDayOfMonth(31));
        from.setLabel(getTranslation("schedule.series.from"));
        to.setLabel(getTranslation("schedule.series.to"));
        time.setValue(LocalTime.of(14, 30));
        time.setStep(java.time.Duration.ofMinutes(15));
        time.setLabel(getTranslation("schedule.series.time"));
        duration.setValue(120);
        duration.setLabel(getTranslation("schedule.field.duration"));
        place.setLabel(getTranslation("schedule.field.place"));
        host.setLabel(getTranslation("schedule.field.host"));
        topic.setLabel(getTranslation("schedule.series.topic"));
        topic.setValue(getTranslation("schedule.type.THEME_DAY"));
        template.setItems(schedule.planTemplates());
        template.setItemLabelGenerator(PlanTemplate::title);
        template.setLabel(getTranslation("schedule.series.template"));
        template.addClassName("mingze-series-template");
        template.addValueChangeListener(e -> copy(e.getValue()));
        topics.setLabel(getTranslation("schedule.series.topics"));
        topics.setHelperText(getTranslation("schedule.series.topics-help"));
        topics.setWidthFull();
        topics.addClassName("mingze-series-topics");
        FormLayout form = new FormLayout(unit, type, ordinal, weekday, every, time, from, to, duration, place, host,
                topic, template, topics);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("640px", 2));
        form.setColspan(topics, 2);
        Button show = new Button(getTranslation("schedule.series.preview"), e -> preview());
        show.addClassName("mingze-series-preview");
        Button create = new Button(getTranslation("schedule.series.create"), e -> create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClassName("mingze-series-create");
        preview.addClassName("mingze-series-list");
        add(form, new HorizontalLayout(show, create), preview);
    }

    private void copy(PlanTemplate t) {
        if (t == null) {
            return;
        }
        type.setValue(t.type());
        topics.setValue(t.months().entrySet().stream().map(e -> e.getKey() + " " + e.getValue().topic())
                .collect(Collectors.joining("\n")));
        Map<Integer, List<String>> m = new HashMap<>();
        t.months().forEach((k, v) -> m.put(k, v.materialIds()));
        materials = m;
    }

    private SeriesRequest request() {
        Recurrence rule = Recurrence.monthlyNth(ordinal.getValue() == null ? 1 : ordinal.getValue(),
                weekday.getValue() == null ? DayOfWeek.FRIDAY : weekday.getValue())
                .every(every.getValue() == null ? 1 : every.getValue(), from.getValue() == null ? 1
                        : from.getValue().getMonthValue());
        Map<Integer, String> monthly = new HashMap<>();
        for (String line : topics.getValue().split("\\R")) {
            var m = java.util.regex.Pattern.compile("^\\s*(\\d{1,2})\\s*(?:月)?[\\s:：、.]*(.+?)\\s*$").matcher(line);
            if (m.matches()) {
                int month = Integer.parseInt(m.group(1));
                if (month >= 1 && month <= 12) {
                    monthly.put(month, m.group(2));
                }
            }
        }
        return new SeriesRequest(unit.getValue() == null ? 0 : unit.getValue().id(), type.getValue(), rule,
                from.getValue(), to.getValue(), time.getValue(), duration.getValue() == null ? 0 : duration.getValue(),
                blank(place.getValue()), blank(host.getValue()), topic.getValue(), monthly, materials);
    }

    private void preview() {
        preview.removeAll();
        try {
            SeriesPreview p = schedule.previewSeries(request());
            Locale locale = UI.getCurrent().getLocale();
            preview.add(new H3(getTranslation("schedule.series.count", p.items().size())));
            for (YearMonth m : p.skipped()) {
                Span s = new Span(getTranslation("schedule.series.skipped", m.getYear(), m.getMonthValue()));
                s.getElement().getThemeList().add("badge contrast");
                preview.add(new Div(s));
            }
            for (SeriesPreview.Item i : p.items()) {
                Div row = new Div(new Span(Formats.dateTime(i.startsAt(), locale)), new Span(i.topic()));
                row.addClassName("mingze-series-item");
                org.mingze.schedule.Holidays.fixed(i.startsAt().toLocalDate()).ifPresent(h -> {
                    Span w = new Span(getTranslation("schedule.series.holiday", getTranslation(h.labelKey())));
                    w.getElement().getThemeList().add("badge contrast small");
                    w.addClassName("mingze-series-holiday");
                    row.add(w);
                });
                if (!i.conflicts().isEmpty()) {
                    Span w = new Span(getTranslation("schedule.series.clash", i.conflicts().size()));
                    w.getElement().getThemeList().add("badge error small");
                    row.add(w);
                }
                preview.add(row);
            }
        } catch (ValidationException ex) {
            FormErrors.show(ex, Map.of("to", to, "time", time), this);
        }
    }

    private void create() {
        try {
            List<SavedSession> made = schedule.createSeries(request());
            Notification n = Notification.show(getTranslation("schedule.series.created", made.size()), 5000,
                    Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            UI.getCurrent().navigate(ScheduleView.class);
        } catch (ValidationException ex) {
            FormErrors.show(ex, Map.of("to", to, "time", time), this);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("schedule.series.title");
    }
}
