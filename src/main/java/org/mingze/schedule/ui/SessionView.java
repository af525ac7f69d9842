package org.mingze.schedule.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import org.mingze.base.i18n.Formats;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.time.BureauZone;
import org.mingze.base.ui.FormErrors;
import org.mingze.base.validation.ValidationException;
import org.mingze.library.StudyCheckProvider;
import org.mingze.schedule.AttendanceService;
import org.mingze.schedule.AttendanceStatus;
import org.mingze.schedule.AttendeeRow;
import org.mingze.schedule.LeaveDecision;
import org.mingze.schedule.LeaveRow;
import org.mingze.schedule.PhotoService;
import org.mingze.schedule.QuizState;
import org.mingze.schedule.ScheduleService;
import org.mingze.schedule.SessionDetail;
import org.mingze.schedule.SessionStatus;
import org.springframework.security.access.AccessDeniedException;

/**
 * One session: what, when, where, the reading (with the signed-in person's progress) and, for an expected member,
 * check-in, leave and their own attendance. The session's organisers also get the attendance list with reading
 * progress, hand marks, leave decisions, the code screen, minutes, closing the record, cancelling, and the record.
 */
@Route("schedule/session")
@PermitAll
class SessionView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final ScheduleService schedule;
    private final AttendanceService attendance;
    private final PhotoService photos;
    private SessionDetail detail;

    SessionView(ScheduleService schedule, AttendanceService attendance, PhotoService photos) {
        this.schedule = schedule;
        this.attendance = attendance;
        this.photos = photos;
        addClassName("mingze-session");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        try {
            detail = schedule.detail(id);
        } catch (AccessDeniedException e) {
            removeAll();
            add(new H2(getTranslation("schedule.session.missing")));
            return;
        }
        render();
    }

    private void reload() {
        detail = schedule.detail(detail.card().id());
        render();
    }

    private void render() {
        removeAll();
        Locale locale = UI.getCurrent().getLocale();
        var c = detail.card();
        Span type = new Span(getTranslation(c.type().labelKey()));
        type.getElement().getThemeList().add("badge");
        Span status = new Span(getTranslation("schedule.status." + c.status()));
        status.getElement().getThemeList().add(c.status() == SessionStatus.CANCELLED ? "badge error"
                : c.status() == SessionStatus.HELD ? "badge success" : "badge contrast");
        Div badges = new Div(type, status);
        badges.addClassName("mingze-session-badges");
        add(new RouterLink(getTranslation("schedule.session.back"), ScheduleView.class), badges, new H2(c.topic()));

        Div facts = new Div();
        facts.addClassName("mingze-session-facts");
        facts.add(fact("schedule.field.when", Formats.dateTime(c.startsAt(), locale) + " – "
                + c.endsAt().toLocalTime()));
        facts.add(fact("schedule.field.unit", c.unitName()));
        if (c.place() != null) {
            facts.add(fact("schedule.field.place", c.place()));
        }
        if (detail.onlineLink() != null) {
            Div link = new Div(new Span(getTranslation("schedule.field.link")),
                    new Anchor(detail.onlineLink(), detail.onlineLink()));
            link.addClassName("mingze-session-fact");
            facts.add(link);
        }
        if (c.host() != null) {
            facts.add(fact("schedule.field.host", c.host()));
        }
        facts.add(fact("schedule.field.attendance", getTranslation("schedule.session.attended", c.attended(),
                c.expected())));
        add(facts);
        if (detail.cancelReason() != null) {
            add(note(getTranslation("schedule.session.cancelled", detail.cancelReason())));
        }
        if (detail.agenda() != null && !detail.agenda().isBlank()) {
            add(new H3(getTranslation("schedule.field.agenda")));
            Paragraph agenda = new Paragraph(detail.agenda());
            agenda.addClassName("mingze-session-agenda");
            add(agenda);
        }
        reading();
        quiz();
        if (detail.canManage()) {
            add(SessionSummaryText.of(this, detail.summary()));
        }
        mine();
        if (detail.canManage()) {
            organiser();
        } else if (detail.minutes() != null && c.status() == SessionStatus.HELD) {
            add(new H3(getTranslation("schedule.field.minutes")));
            Paragraph minutes = new Paragraph(detail.minutes());
            minutes.addClassName("mingze-session-minutes");
            add(minutes);
        }
        add(new SessionPhotos(photos, detail, detail.canManage(), this::reload));
    }

    private void reading() {
        add(new H3(getTranslation("schedule.session.reading")));
        if (detail.reading().isEmpty()) {
            add(note(getTranslation("schedule.session.no-reading")));
            return;
        }
        Div list = new Div();
        list.addClassName("mingze-session-reading");
        for (SessionDetail.Reading r : detail.reading()) {
            Div row = new Div(new Anchor("library/read/" + r.materialId(), r.title()));
            row.addClassName("mingze-session-reading-row");
            if (r.studiedByMe()) {
                Span done = new Span(getTranslation("schedule.session.studied"));
                done.getElement().getThemeList().add("badge success small");
                row.add(done);
            } else {
                Anchor check = new Anchor(StudyCheckProvider.ROUTE + "/" + r.materialId(),
                        getTranslation("schedule.session.take-check"));
                check.addClassName("mingze-session-check");
                row.add(check);
            }
            list.add(row);
        }
        add(list);
    }

    /** The session's quiz: the signed-in attendee's state with a link to it; the organiser's count who passed. */
    private void quiz() {
        SessionDetail.Quiz q = detail.quiz();
        if (q == null) {
            return;
        }
        add(new H3(getTranslation("schedule.quiz.title")));
        Div row = new Div();
        row.addClassName("mingze-session-quiz-row");
        row.add(new Span(q.title()));
        if (q.myState() != null) {
            Span st = new Span(getTranslation(q.myState().labelKey()));
            st.getElement().getThemeList().add(q.myState() == QuizState.PASSED ? "badge success small"
                    : q.myState() == QuizState.FAILED ? "badge error small" : "badge contrast small");
            st.addClassName("mingze-session-quiz-state");
            row.add(st);
            if (q.myState() != QuizState.PASSED) {
                Anchor take = new Anchor("exams/start/" + q.examId(), getTranslation("schedule.quiz.take"));
                take.addClassName("mingze-session-quiz-take");
                row.add(take);
            }
        }
        add(row);
        if (detail.canManage()) {
            Paragraph count = note(getTranslation("schedule.quiz.passed-count", q.passed(),
                    detail.attendees().size(), q.taken()));
            count.addClassName("mingze-session-quiz-count");
            add(count);
        }
    }

    /** The signed-in member's own part: attendance, check-in, leave. */
    private void mine() {
        Long me = CurrentUser.require().memberId();
        AttendeeRow own = detail.attendees().stream().filter(a -> me != null && a.memberId() == me).findFirst()
                .orElse(null);
        if (own == null) {
            return;
        }
        add(new H3(getTranslation("schedule.session.mine")));
        Span st = new Span(getTranslation(own.status().labelKey()));
        st.getElement().getThemeList().add(own.status().attended() ? "badge success" : "badge contrast");
        st.addClassName("mingze-session-my-status");
        add(st);
        if (detail.card().status() != SessionStatus.PLANNED) {
            return;
        }
        if (own.status() == AttendanceStatus.EXPECTED) {
            TextField code = new TextField(getTranslation("schedule.checkin.code"));
            code.setPlaceholder("123456");
            code.setMaxLength(12);
            code.addClassName("mingze-session-code");
            code.getElement().setAttribute("inputmode", "numeric");
            code.getElement().setAttribute("autocomplete", "one-time-code");
            Button go = new Button(getTranslation("schedule.checkin.submit"), e -> {
                try {
                    var r = attendance.checkIn(detail.card().id(), code.getValue());
                    Notification.show(getTranslation("schedule.checkin.done", getTranslation(r.status().labelKey())),
                            4000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    reload();
                } catch (ValidationException ex) {
                    FormErrors.show(ex, Map.of("code", code), this);
                }
            });
            go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            go.addClassName("mingze-session-checkin");
            HorizontalLayout checkin = new HorizontalLayout(code, go);
            checkin.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
            checkin.setWrap(true);
            add(checkin);
        }
        boolean asked = own.leave() != null;
        if (asked) {
            add(note(getTranslation("schedule.leave.state." + own.leave())));
        } else if (own.status() == AttendanceStatus.EXPECTED
                && LocalDateTime.now(BureauZone.get()).isBefore(detail.card().startsAt())) {
            Button leave = new Button(getTranslation("schedule.leave.ask"), VaadinIcon.CLOCK.create(),
                    e -> askLeave());
            leave.addClassName("mingze-session-leave");
            add(leave);
        }
    }

    private void askLeave() {
        Dialog d = new Dialog();
        d.setHeaderTitle(getTranslation("schedule.leave.ask"));
        TextArea reason = new TextArea(getTranslation("schedule.leave.reason"));
        reason.setMaxLength(500);
        reason.setWidthFull();
        reason.addClassName("mingze-leave-reason");
        d.add(reason);
        Button send = new Button(getTranslation("schedule.leave.send"), e -> {
            try {
                attendance.requestLeave(detail.card().id(), reason.getValue());
                d.close();
                Notification.show(getTranslation("schedule.leave.sent"), 4000, Notification.Position.MIDDLE);
                reload();
            } catch (ValidationException ex) {
                FormErrors.show(ex, Map.of("reason", reason), this);
            }
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClassName("mingze-leave-send");
        d.getFooter().add(new Button(getTranslation("common.cancel"), e -> d.close()), send);
        d.open();
    }

    private void organiser() {
        var c = detail.card();
        long id = c.id();
        HorizontalLayout actions = new HorizontalLayout();
        actions.setWrap(true);
        actions.addClassName("mingze-session-actions");
        if (c.status() == SessionStatus.PLANNED) {
            Button edit = new Button(getTranslation("schedule.session.edit"), VaadinIcon.EDIT.create(),
                    e -> UI.getCurrent().navigate(SessionEditorView.class, String.valueOf(id)));
            Button code = new Button(getTranslation("schedule.session.code"), VaadinIcon.QRCODE.create(),
                    e -> UI.getCurrent().navigate(HostCodeView.class, id));
            code.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            code.addClassName("mingze-session-code-screen");
            Button close = new Button(getTranslation("schedule.session.close"), VaadinIcon.CHECK.create(),
                    e -> confirmClose());
            close.addClassName("mingze-session-close");
            Button cancel = new Button(getTranslation("schedule.session.cancel"), VaadinIcon.BAN.create(),
                    e -> confirmCancel());
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(code, edit, close, cancel);
        }
        RouterLink record = new RouterLink(getTranslation("schedule.session.record"), SessionRecordView.class, id);
        record.addClassName("mingze-session-record-link");
        actions.add(record);
        add(actions);

        long pending = detail.leaves().stream().filter(l -> l.decision() == LeaveDecision.PENDING).count();
        if (!detail.leaves().isEmpty()) {
            add(new H3(getTranslation("schedule.leave.title", pending)));
            Div leaves = new Div();
            leaves.addClassName("mingze-session-leaves");
            for (LeaveRow l : detail.leaves()) {
                leaves.add(leaveRow(l));
            }
            add(leaves);
        }

        add(new H3(getTranslation("schedule.session.attendees", detail.attendees().size())));
        Div list = new Div();
        list.addClassName("mingze-session-attendees");
        int materials = detail.reading().size();
        for (AttendeeRow a : detail.attendees()) {
            Div row = new Div();
            row.addClassName("mingze-attendee");
            Div who = new Div(new Span(a.name()), small(a.unitName()));
            who.addClassName("mingze-attendee-who");
            row.add(who);
            if (materials > 0) {
                row.add(small(getTranslation("schedule.session.read-progress", a.studied(), materials)));
            }
            if (a.quiz() != null) {
                row.add(small(getTranslation(a.quiz().labelKey())));
            }
            if (c.status() == SessionStatus.CANCELLED) {
                row.add(new Span(getTranslation(a.status().labelKey())));
            } else {
                Select<AttendanceStatus> mark = new Select<>();
                mark.setItems(AttendanceStatus.values());
                mark.setItemLabelGenerator(s -> getTranslation(s.labelKey()));
                mark.setValue(a.status());
                mark.addClassName("mingze-attendee-mark");
                mark.setAriaLabel(getTranslation("schedule.session.mark-for", a.name()));
                mark.addValueChangeListener(e -> {
                    if (e.isFromClient() && e.getValue() != null) {
                        try {
                            attendance.mark(id, a.memberId(), e.getValue());
                            reload();
                        } catch (ValidationException ex) {
                            FormErrors.show(ex, Map.of(), this);
                        }
                    }
                });
                row.add(mark);
            }
            if (a.how() != null) {
                row.add(small(getTranslation("schedule.how." + a.how())));
            }
            list.add(row);
        }
        add(list);

        add(new H3(getTranslation("schedule.field.minutes")));
        TextArea minutes = new TextArea();
        minutes.setWidthFull();
        minutes.setMinHeight("8em");
        minutes.setValue(detail.minutes() == null ? "" : detail.minutes());
        minutes.setPlaceholder(getTranslation("schedule.minutes.placeholder"));
        minutes.addClassName("mingze-session-minutes-editor");
        minutes.setReadOnly(c.status() == SessionStatus.CANCELLED);
        Button save = new Button(getTranslation("schedule.minutes.save"), e -> {
            try {
                schedule.saveMinutes(id, minutes.getValue());
                Notification.show(getTranslation("schedule.minutes.saved"), 3000, Notification.Position.BOTTOM_START);
            } catch (ValidationException ex) {
                FormErrors.show(ex, Map.of("minutes", minutes), this);
            }
        });
        save.addClassName("mingze-session-minutes-save");
        save.setEnabled(c.status() != SessionStatus.CANCELLED);
        add(minutes, save);
    }

    private Div leaveRow(LeaveRow l) {
        Div row = new Div();
        row.addClassName("mingze-leave");
        row.add(new Div(new Span(l.name()), small(l.reason())));
        if (l.decision() == LeaveDecision.PENDING) {
            Button ok = new Button(getTranslation("schedule.leave.approve"), e -> decide(l, true, null));
            ok.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_SMALL);
            ok.addClassName("mingze-leave-approve");
            Button no = new Button(getTranslation("schedule.leave.reject"), e -> reject(l));
            no.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            no.addClassName("mingze-leave-reject");
            row.add(ok, no);
        } else {
            row.add(small(getTranslation("schedule.leave.state." + l.decision())
                    + (l.comment() == null ? "" : "：" + l.comment())));
        }
        return row;
    }

    private void decide(LeaveRow l, boolean approve, String comment) {
        try {
            attendance.decideLeave(l.id(), approve, comment);
            reload();
        } catch (ValidationException ex) {
            FormErrors.show(ex, Map.of(), this);
        }
    }

    private void reject(LeaveRow l) {
        Dialog d = new Dialog();
        d.setHeaderTitle(getTranslation("schedule.leave.reject-title", l.name()));
        TextArea why = new TextArea(getTranslation("schedule.leave.reject-why"));
        why.setWidthFull();
        why.setMaxLength(500);
        d.add(why);
        Button send = new Button(getTranslation("schedule.leave.reject"), e -> {
            try {
                attendance.decideLeave(l.id(), false, why.getValue());
                d.close();
                reload();
            } catch (ValidationException ex) {
                FormErrors.show(ex, Map.of("comment", why), this);
            }
        });
        send.addThemeVariants(ButtonVariant.LUMO_ERROR);
        d.getFooter().add(new Button(getTranslation("common.cancel"), e -> d.close()), send);
        d.open();
    }

    private void confirmClose() {
        long expected = detail.attendees().stream().filter(a -> a.status() == AttendanceStatus.EXPECTED).count();
        ConfirmDialog d = new ConfirmDialog(getTranslation("schedule.session.close"),
                getTranslation("schedule.close.confirm", expected), getTranslation("schedule.session.close"), e -> {
            try {
                int n = attendance.close(detail.card().id());
                Notification.show(getTranslation("schedule.close.done", n), 5000, Notification.Position.MIDDLE);
                reload();
            } catch (ValidationException ex) {
                FormErrors.show(ex, Map.of(), this);
            }
        });
        d.setCancelable(true);
        d.setCancelText(getTranslation("common.cancel"));
        d.open();
    }

    private void confirmCancel() {
        Dialog d = new Dialog();
        d.setHeaderTitle(getTranslation("schedule.session.cancel"));
        TextArea why = new TextArea(getTranslation("schedule.cancel.reason"));
        why.setWidthFull();
        why.setMaxLength(500);
        d.add(why);
        Button go = new Button(getTranslation("schedule.session.cancel"), e -> {
            try {
                schedule.cancel(detail.card().id(), why.getValue());
                d.close();
                reload();
            } catch (ValidationException ex) {
                FormErrors.show(ex, Map.of("reason", why), this);
            }
        });
        go.addThemeVariants(ButtonVariant.LUMO_ERROR);
        d.getFooter().add(new Button(getTranslation("common.cancel"), e -> d.close()), go);
        d.open();
    }

    private Div fact(String key, String value) {
        Div d = new Div(new Span(getTranslation(key)), new Span(value));
        d.addClassName("mingze-session-fact");
        return d;
    }

    private static Span small(String text) {
        Span s = new Span(text);
        s.addClassName("mingze-small");
        return s;
    }

    private static Paragraph note(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("mingze-note");
        return p;
    }

    @Override
    public String getPageTitle() {
        return detail == null ? getTranslation("schedule.calendar.title") : detail.card().topic();
    }
}
