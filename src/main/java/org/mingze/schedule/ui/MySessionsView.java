package org.mingze.schedule.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.mingze.base.i18n.Formats;
import org.mingze.base.time.BureauZone;
import org.mingze.library.StudyCheckProvider;
import org.mingze.schedule.AttendanceService;
import org.mingze.schedule.FeedService;
import org.mingze.schedule.MakeupRow;
import org.mingze.schedule.ScheduleService;
import org.mingze.schedule.SessionCard;
import org.mingze.schedule.SessionStatus;

/** 我的会议: the sessions the signed-in person is expected at in the coming weeks, and their make-up study (补学). */
@Route("schedule/mine")
@PermitAll
@Menu(title = "menu.schedule-mine", order = 51, icon = "vaadin:calendar-user")
class MySessionsView extends VerticalLayout implements HasDynamicTitle {

    MySessionsView(ScheduleService schedule, AttendanceService attendance, FeedService feeds,
                   org.mingze.org.OrgService org) {
        addClassName("mingze-my-sessions");
        Locale locale = UI.getCurrent().getLocale();
        add(new H2(getTranslation("schedule.mine.title")));
        List<MakeupRow> makeups = attendance.myMakeups();
        List<MakeupRow> open = makeups.stream().filter(m -> !m.done()).toList();
        if (!open.isEmpty()) {
            add(new H3(getTranslation("schedule.makeup.title", open.size())));
            Div list = new Div();
            list.addClassName("mingze-makeups");
            for (MakeupRow m : open) {
                list.add(makeup(m, locale));
            }
            add(list);
        }
        add(new H3(getTranslation("schedule.mine.upcoming")));
        LocalDate today = LocalDate.now(BureauZone.get());
        List<SessionCard> sessions = schedule.mySessions(today, today.plusDays(60));
        if (sessions.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("schedule.mine.none"));
            none.addClassName("mingze-empty");
            add(none);
        }
        Div list = new Div();
        list.addClassName("mingze-session-list");
        for (SessionCard s : sessions) {
            Div row = new Div();
            row.addClassName("mingze-session-card");
            Span type = new Span(getTranslation(s.type().labelKey()));
            type.getElement().getThemeList().add("badge small");
            RouterLink link = new RouterLink(s.topic(), SessionView.class, s.id());
            row.add(new Div(type, link), small(Formats.dateTime(s.startsAt(), locale)
                    + (s.place() == null ? "" : " · " + s.place())));
            if (s.status() == SessionStatus.CANCELLED) {
                Span c = new Span(getTranslation("schedule.status.CANCELLED"));
                c.getElement().getThemeList().add("badge error small");
                row.add(c);
            }
            list.add(row);
        }
        add(list);
        List<MakeupRow> done = makeups.stream().filter(MakeupRow::done).toList();
        if (!done.isEmpty()) {
            add(new H3(getTranslation("schedule.makeup.done-title")));
            Div d = new Div();
            d.addClassName("mingze-makeups-done");
            for (MakeupRow m : done) {
                d.add(new Div(new Span(m.topic()), small(getTranslation("schedule.makeup.done-on",
                        Formats.dateTime(m.doneAt(), locale)))));
            }
            add(d);
        }
        add(new FeedPanel(feeds, org.manageableUnits()));
    }

    private Div makeup(MakeupRow m, Locale locale) {
        Div card = new Div();
        card.addClassName("mingze-makeup");
        boolean overdue = m.dueOn().isBefore(LocalDate.now(BureauZone.get()));
        Span due = new Span(getTranslation(overdue ? "schedule.makeup.overdue" : "schedule.makeup.due",
                Formats.date(m.dueOn(), locale)));
        due.getElement().getThemeList().add(overdue ? "badge error small" : "badge contrast small");
        card.add(new Div(new RouterLink(m.topic(), SessionView.class, m.sessionId()), due));
        card.add(small(getTranslation("schedule.makeup.why." + m.cause(), Formats.date(m.sessionDay(), locale))));
        for (int i = 0; i < m.materialIds().size(); i++) {
            String id = m.materialIds().get(i);
            boolean studied = m.studiedIds().contains(id);
            Div row = new Div();
            row.addClassName("mingze-makeup-material");
            row.add(new Anchor("library/read/" + id, m.titles().get(i)));
            if (studied) {
                Span ok = new Span(getTranslation("schedule.session.studied"));
                ok.getElement().getThemeList().add("badge success small");
                row.add(ok);
            } else {
                row.add(new Anchor(StudyCheckProvider.ROUTE + "/" + id, getTranslation("schedule.session.take-check")));
            }
            card.add(row);
        }
        if (m.examId() != null) {
            Div row = new Div();
            row.addClassName("mingze-makeup-material");
            row.add(new Span(getTranslation("schedule.quiz.title") + "：" + (m.quizTitle() == null ? "" : m.quizTitle())));
            if (m.quizPassed()) {
                Span ok = new Span(getTranslation("schedule.quiz.state.PASSED"));
                ok.getElement().getThemeList().add("badge success small");
                row.add(ok);
            } else {
                Anchor take = new Anchor("exams/start/" + m.examId(), getTranslation("schedule.quiz.take"));
                take.addClassName("mingze-makeup-quiz");
                row.add(take);
            }
            card.add(row);
        }
        return card;
    }

    private static Span small(String text) {
        Span s = new Span(text);
        s.addClassName("mingze-small");
        return s;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("schedule.mine.title");
    }
}
