package org.mingze.schedule.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.mingze.base.i18n.Formats;
import org.mingze.base.time.BureauZone;
import org.mingze.base.ui.calendar.CalendarView;
import org.mingze.org.OrgService;
import org.mingze.org.UnitNode;
import org.mingze.schedule.CadenceFinding;
import org.mingze.schedule.CadenceRule;
import org.mingze.schedule.ScheduleService;
import org.mingze.schedule.SessionCard;
import org.mingze.schedule.SessionStatus;
import org.mingze.schedule.UnitCadence;

/**
 * 会议日历: the sessions of a unit (or its whole subtree) on a month / week / list calendar. Organisers create a
 * session by clicking a day, generate a year of theme days, and see which units fall behind the 三会一课 cadence.
 */
@Route("schedule")
@PermitAll
@Menu(title = "menu.schedule", order = 50, icon = "vaadin:calendar")
class ScheduleView extends VerticalLayout implements HasDynamicTitle {

    private final ScheduleService schedule;
    private final ComboBox<UnitNode> unit = new ComboBox<>();
    private final Checkbox subtree = new Checkbox();
    private final CalendarView calendar;
    private final Div cadence = new Div();
    private final boolean manages;
    private LocalDate from = LocalDate.now(BureauZone.get()).withDayOfMonth(1).minusDays(7);
    private LocalDate to = from.plusDays(49);

    ScheduleView(ScheduleService schedule, OrgService org) {
        this.schedule = schedule;
        addClassName("mingze-schedule");
        add(new H2(getTranslation("schedule.calendar.title")));
        List<UnitNode> manageable = org.manageableUnits();
        manages = !manageable.isEmpty();
        List<UnitNode> visible = org.visibleUnits();
        unit.setLabel(getTranslation("schedule.calendar.unit"));
        unit.setItems(visible);
        unit.setItemLabelGenerator(UnitNode::name);
        unit.addClassName("mingze-schedule-unit");
        subtree.setLabel(getTranslation("schedule.calendar.subtree"));
        subtree.setValue(true);
        HorizontalLayout bar = new HorizontalLayout(unit, subtree);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.addClassName("mingze-schedule-bar");
        bar.setWrap(true);
        if (manages) {
            Button create = new Button(getTranslation("schedule.calendar.new"), VaadinIcon.PLUS.create(),
                    e -> newSession(LocalDate.now(BureauZone.get()).plusDays(1)));
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.addClassName("mingze-schedule-new");
            Button series = new Button(getTranslation("schedule.calendar.series"), VaadinIcon.CALENDAR_CLOCK.create(),
                    e -> UI.getCurrent().navigate(SeriesView.class));
            series.addClassName("mingze-schedule-series");
            bar.add(create, series);
        }
        add(bar);
        calendar = new CalendarView(UI.getCurrent().getLocale());
        calendar.addRangeListener(e -> {
            from = e.start();
            to = e.end().minusDays(1);
            refresh();
        });
        calendar.addEntryClickListener(e -> UI.getCurrent().navigate(SessionView.class, Long.valueOf(e.id())));
        if (manages) {
            calendar.addDateClickListener(e -> newSession(e.date()));
        }
        add(calendar, cadence);
        cadence.addClassName("mingze-cadence");
        unit.addValueChangeListener(e -> refresh());
        subtree.addValueChangeListener(e -> refresh());
        UnitNode start = manages ? manageable.get(0) : visible.isEmpty() ? null : visible.get(0);
        unit.setValue(start);
    }

    private void newSession(LocalDate day) {
        UnitNode u = unit.getValue();
        UI.getCurrent().navigate(SessionEditorView.class, QueryParameters.simple(Map.of("date", day.toString(),
                "unit", u == null ? "" : String.valueOf(u.id()))));
    }

    private void refresh() {
        UnitNode u = unit.getValue();
        if (u == null) {
            calendar.setEntries(List.of());
            cadence.removeAll();
            return;
        }
        List<SessionCard> sessions = schedule.calendar(u.id(), subtree.getValue(), from, to);
        calendar.setEntries(sessions.stream().map(this::entry).toList());
        cadence.removeAll();
        if (manages || org.mingze.base.security.CurrentUser.has(org.mingze.base.security.Role.AUDITOR)) {
            showCadence(schedule.cadence(u.id(), CadenceRule.defaults()));
        }
    }

    private CalendarView.Entry entry(SessionCard s) {
        String type = getTranslation(s.type().labelKey());
        // a topic that already names the kind ("主题党日：…") is not prefixed twice
        String title = (s.topic().startsWith(type) ? s.topic() : type + "：" + s.topic())
                + (subtree.getValue() ? "（" + s.unitName() + "）" : "");
        String css = "mz-session-" + s.type().name().toLowerCase(java.util.Locale.ROOT)
                + (s.status() == SessionStatus.CANCELLED ? " mz-session-cancelled" : "")
                + (s.status() == SessionStatus.HELD ? " mz-session-held" : "");
        return new CalendarView.Entry(String.valueOf(s.id()), title, s.startsAt(), s.endsAt(), null, css);
    }

    private void showCadence(List<UnitCadence> units) {
        H3 head = new H3(getTranslation("schedule.cadence.title"));
        cadence.add(head);
        boolean any = false;
        for (UnitCadence u : units) {
            List<CadenceFinding> flagged = u.flagged();
            if (flagged.isEmpty()) {
                continue;
            }
            any = true;
            Div row = new Div();
            row.addClassName("mingze-cadence-unit");
            row.add(new Span(u.unitName()));
            java.util.Map<org.mingze.schedule.SessionType, List<CadenceFinding>> byType = new java.util.LinkedHashMap<>();
            flagged.forEach(f -> byType.computeIfAbsent(f.rule().type(), t -> new java.util.ArrayList<>()).add(f));
            byType.forEach((type, list) -> {
                StringBuilder text = new StringBuilder(getTranslation(type.labelKey())).append("：");
                String sep = "";
                for (CadenceFinding f : list) {
                    text.append(sep).append(getTranslation("schedule.cadence." + f.status(), period(f)));
                    sep = "、";
                }
                boolean missed = list.stream().anyMatch(f -> f.status() == CadenceFinding.Status.MISSED);
                Span badge = new Span(text.toString());
                badge.getElement().getThemeList().add(missed ? "badge error small" : "badge contrast small");
                badge.addClassName("mingze-cadence-flag");
                row.add(badge);
            });
            cadence.add(row);
        }
        if (!any) {
            Span ok = new Span(getTranslation("schedule.cadence.ok"));
            ok.getElement().getThemeList().add("badge success");
            cadence.add(ok);
        }
    }

    private String period(CadenceFinding f) {
        var locale = UI.getCurrent().getLocale();
        return switch (f.rule().period()) {
            case MONTH -> getTranslation("schedule.period.month", String.valueOf(f.periodStart().getYear()),
                    String.valueOf(f.periodStart().getMonthValue()));
            case QUARTER -> getTranslation("schedule.period.quarter", String.valueOf(f.periodStart().getYear()),
                    String.valueOf((f.periodStart().getMonthValue() - 1) / 3 + 1));
            case YEAR -> getTranslation("schedule.period.year", String.valueOf(f.periodStart().getYear()),
                    Formats.date(f.periodEnd(), locale));
        };
    }

    @Override
    public String getPageTitle() {
        return getTranslation("schedule.calendar.title");
    }
}
