package org.mingze.schedule.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.mingze.base.i18n.Formats;
import org.mingze.base.security.Roles;
import org.mingze.schedule.AttendanceStatus;
import org.mingze.schedule.AttendeeRow;
import org.mingze.schedule.PhotoService;
import org.mingze.schedule.ScheduleService;
import org.mingze.schedule.SessionDetail;
import org.springframework.security.access.AccessDeniedException;

/**
 * 会议记录表: the printable record of a session — what, when, where, who hosted, attendance by status with the
 * numbers, reading completion, the minutes, and lines to sign. Printed from the browser (the page hides the menu
 * when printing).
 */
@Route("schedule/record")
@RolesAllowed({Roles.ORGANIZER, Roles.ADMIN, Roles.AUDITOR})
class SessionRecordView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final ScheduleService schedule;
    private final PhotoService photos;
    private SessionDetail detail;

    SessionRecordView(ScheduleService schedule, PhotoService photos) {
        this.schedule = schedule;
        this.photos = photos;
        addClassName("mingze-session-record");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        removeAll();
        try {
            detail = schedule.detail(id);
        } catch (AccessDeniedException e) {
            add(new H2(getTranslation("schedule.session.missing")));
            return;
        }
        Locale locale = UI.getCurrent().getLocale();
        var c = detail.card();
        Button print = new Button(getTranslation("schedule.record.print"), VaadinIcon.PRINT.create(),
                e -> UI.getCurrent().getPage().executeJs("window.print()"));
        print.addClassName("mingze-no-print");
        String file = getTranslation("schedule.record.pdf-file") + "-" + c.startsAt().toLocalDate() + ".pdf";
        Anchor pdf = new Anchor(DownloadHandler.fromInputStream(e -> {
            try {
                byte[] bytes = schedule.recordPdf(id, locale);
                return new DownloadResponse(new ByteArrayInputStream(bytes), file, "application/pdf", bytes.length);
            } catch (AccessDeniedException ex) {
                return DownloadResponse.error(403);
            }
        }), "");
        pdf.setTarget(AnchorTarget.BLANK);
        Button pdfButton = new Button(getTranslation("schedule.record.pdf"), VaadinIcon.DOWNLOAD.create());
        pdfButton.setTabIndex(-1);
        pdf.add(pdfButton);
        pdf.addClassName("mingze-record-pdf");
        HorizontalLayout actions = new HorizontalLayout(print, pdf);
        actions.addClassName("mingze-no-print");
        add(actions, new H2(getTranslation("schedule.record.title")));
        Div table = new Div();
        table.addClassName("mingze-record-table");
        row(table, "schedule.field.unit", c.unitName());
        row(table, "schedule.field.type", getTranslation(c.type().labelKey()));
        row(table, "schedule.field.topic", c.topic());
        row(table, "schedule.field.when", Formats.dateTime(c.startsAt(), locale) + " – " + c.endsAt().toLocalTime());
        row(table, "schedule.field.place", c.place() == null ? "" : c.place());
        row(table, "schedule.field.host", c.host() == null ? "" : c.host());
        row(table, "schedule.status", getTranslation("schedule.status." + c.status()));
        int expected = detail.attendees().size();
        long attended = detail.attendees().stream().filter(a -> a.status().attended()).count();
        row(table, "schedule.record.numbers", getTranslation("schedule.record.numbers-value", expected, attended,
                count(AttendanceStatus.LATE), count(AttendanceStatus.LEAVE), count(AttendanceStatus.ABSENT),
                expected == 0 ? "0" : String.valueOf(Math.round(attended * 100.0 / expected))));
        for (AttendanceStatus s : List.of(AttendanceStatus.PRESENT, AttendanceStatus.LATE, AttendanceStatus.LEAVE,
                AttendanceStatus.ABSENT, AttendanceStatus.EXPECTED)) {
            String names = detail.attendees().stream().filter(a -> a.status() == s).map(AttendeeRow::name)
                    .collect(Collectors.joining("、"));
            if (!names.isEmpty()) {
                row(table, s.labelKey(), names);
            }
        }
        if (!detail.reading().isEmpty()) {
            int materials = detail.reading().size();
            long complete = detail.attendees().stream().filter(a -> a.studied() >= materials).count();
            row(table, "schedule.session.reading", detail.reading().stream().map(SessionDetail.Reading::title)
                    .collect(Collectors.joining("；")) + "　" + getTranslation("schedule.record.reading-done",
                    complete, expected));
        }
        if (detail.quiz() != null) {
            row(table, "schedule.record.quiz", getTranslation("schedule.record.quiz-value", detail.quiz().title(),
                    detail.quiz().passed(), expected));
        }
        add(table, SessionSummaryText.of(this, detail.summary()), new H3(getTranslation("schedule.field.minutes")));
        Paragraph minutes = new Paragraph(detail.minutes() == null ? getTranslation("schedule.record.no-minutes")
                : detail.minutes());
        minutes.addClassName("mingze-session-minutes");
        Div signatures = new Div(new Span(getTranslation("schedule.record.sign-recorder")),
                new Span(getTranslation("schedule.record.sign-host")));
        signatures.addClassName("mingze-record-signatures");
        add(minutes, new SessionPhotos(photos, detail, false, () -> { }), signatures);
    }

    private long count(AttendanceStatus s) {
        return detail.attendees().stream().filter(a -> a.status() == s).count();
    }

    private void row(Div table, String key, String value) {
        Div r = new Div(new Span(getTranslation(key)), new Span(value));
        r.addClassName("mingze-record-row");
        table.add(r);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("schedule.record.title");
    }
}
