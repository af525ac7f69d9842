package org.mingze.base.ui.calendar;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

/**
 * A month / week / list calendar: the {@code <mz-calendar>} web component in {@code frontend/components}, a thin
 * wrapper around FullCalendar 6 (MIT; decision 0011). The view gives it entries for the visible range and listens
 * for clicks on a day (to create a session there), on an entry (to open it), and for range changes (to load more).
 */
@Tag("mz-calendar")
@NpmPackage(value = "@fullcalendar/core", version = "6.1.20")
@NpmPackage(value = "@fullcalendar/daygrid", version = "6.1.20")
@NpmPackage(value = "@fullcalendar/timegrid", version = "6.1.20")
@NpmPackage(value = "@fullcalendar/list", version = "6.1.20")
@NpmPackage(value = "@fullcalendar/interaction", version = "6.1.20")
@JsModule("./components/mz-calendar.js")
public class CalendarView extends Component implements HasSize {

    /** One entry on the calendar. {@code color} is a CSS colour or null; {@code id} comes back on a click. */
    public record Entry(String id, String title, LocalDateTime start, LocalDateTime end, String color,
                        String cssClass) {
    }

    public enum Mode {
        MONTH("dayGridMonth"), WEEK("timeGridWeek"), LIST("listMonth");

        final String fullCalendarName;

        Mode(String name) {
            this.fullCalendarName = name;
        }
    }

    public CalendarView(Locale locale) {
        getElement().setAttribute("locale", Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? "zh-cn" : "en");
        setWidthFull();
    }

    public void setEntries(List<Entry> entries) {
        JsonArray array = Json.createArray();
        int i = 0;
        for (Entry e : entries) {
            JsonObject o = Json.createObject();
            o.put("id", e.id());
            o.put("title", e.title());
            o.put("start", e.start().toString());
            if (e.end() != null) {
                o.put("end", e.end().toString());
            }
            if (e.color() != null) {
                o.put("color", e.color());
            }
            if (e.cssClass() != null) {
                o.put("classNames", e.cssClass());
            }
            array.set(i++, o);
        }
        getElement().setPropertyJson("events", array);
    }

    public void setMode(Mode mode) {
        getElement().setAttribute("view", mode.fullCalendarName);
    }

    public void goTo(LocalDate date) {
        getElement().setAttribute("date", date.toString());
    }

    public Registration addDateClickListener(com.vaadin.flow.component.ComponentEventListener<DateClick> l) {
        return addListener(DateClick.class, l);
    }

    public Registration addEntryClickListener(com.vaadin.flow.component.ComponentEventListener<EntryClick> l) {
        return addListener(EntryClick.class, l);
    }

    public Registration addRangeListener(com.vaadin.flow.component.ComponentEventListener<RangeChange> l) {
        return addListener(RangeChange.class, l);
    }

    /** A day was clicked (or tapped). */
    @DomEvent("mz-date-click")
    public static class DateClick extends ComponentEvent<CalendarView> {
        private final LocalDate date;

        public DateClick(CalendarView source, boolean fromClient, @EventData("event.detail.date") String date) {
            super(source, fromClient);
            this.date = LocalDate.parse(date);
        }

        public LocalDate date() {
            return date;
        }
    }

    /** An entry was clicked. */
    @DomEvent("mz-event-click")
    public static class EntryClick extends ComponentEvent<CalendarView> {
        private final String id;

        public EntryClick(CalendarView source, boolean fromClient, @EventData("event.detail.id") String id) {
            super(source, fromClient);
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** The visible range changed: {@code start} included, {@code end} excluded. */
    @DomEvent("mz-range")
    public static class RangeChange extends ComponentEvent<CalendarView> {
        private final LocalDate start;
        private final LocalDate end;

        public RangeChange(CalendarView source, boolean fromClient, @EventData("event.detail.start") String start,
                           @EventData("event.detail.end") String end) {
            super(source, fromClient);
            this.start = LocalDate.parse(start);
            this.end = LocalDate.parse(end);
        }

        public LocalDate start() {
            return start;
        }

        public LocalDate end() {
            return end;
        }
    }
}
