package org.mingze.library.ui;

import com.vaadin.flow.component.Component;
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
import org.mingze.base.i18n.Formats;
import org.mingze.library.StudyOverview;
import org.mingze.library.StudyService;

/** 我的学时: the signed-in person's study time by month and by material, and which materials they completed. */
@Route("library/my-study")
@PermitAll
@Menu(title = "menu.library-my-study", order = 11, icon = "vaadin:clock")
class MyStudyView extends VerticalLayout implements HasDynamicTitle {

    MyStudyView(StudyService study) {
        addClassName("mingze-my-study");
        add(new H2(getTranslation("library.study.title")));
        add(StudyPanel.of(study.myStudy(), this));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("library.study.title");
    }

    /** The overview as lists that read well on a phone; shared with the organisers' detail dialog. */
    static final class StudyPanel {
        private StudyPanel() {
        }

        static Component of(StudyOverview o, Component c) {
            Div panel = new Div();
            panel.addClassName("mingze-study-panel");
            Div total = new Div(new Span(c.getTranslation("library.study.total", Durations.format(o.totalSeconds(), c))));
            total.addClassName("mingze-study-total");
            panel.add(total);
            if (o.months().isEmpty() && o.materials().isEmpty()) {
                Paragraph none = new Paragraph(c.getTranslation("library.study.none"));
                none.addClassName("mingze-empty");
                panel.add(none);
            }
            if (!o.months().isEmpty()) {
                panel.add(new H3(c.getTranslation("library.study.by-month")));
                Div months = new Div();
                months.addClassName("mingze-study-rows");
                for (StudyOverview.MonthTotal m : o.months()) {
                    months.add(row(new Span(Durations.month(m.month(), c)), Durations.format(m.seconds(), c)));
                }
                panel.add(months);
            }
            if (!o.materials().isEmpty()) {
                panel.add(new H3(c.getTranslation("library.study.by-material")));
                Div materials = new Div();
                materials.addClassName("mingze-study-rows");
                for (StudyOverview.MaterialStudy s : o.materials()) {
                    Div name = new Div(new RouterLink(s.title(), ReaderView.class, s.materialId()));
                    Div facts = new Div();
                    facts.addClassName("mingze-study-facts");
                    if (s.lastDay() != null) {
                        facts.add(new Span(c.getTranslation("library.study.last-day", Formats.date(s.lastDay(),
                                com.vaadin.flow.component.UI.getCurrent().getLocale()))));
                    }
                    if (s.studiedHow() != null) {
                        Span done = new Span(c.getTranslation("library.study.how." + s.studiedHow()));
                        done.getElement().getThemeList().add("badge success small");
                        done.addClassName("mingze-studied");
                        facts.add(done);
                    }
                    name.add(facts);
                    materials.add(row(name, Durations.format(s.seconds(), c)));
                }
                panel.add(materials);
            }
            Paragraph note = new Paragraph(c.getTranslation("library.study.note"));
            note.addClassName("mingze-reader-note");
            panel.add(note);
            return panel;
        }

        private static Component row(Component label, String time) {
            Span t = new Span(time);
            t.addClassName("mingze-study-time");
            Div row = new Div(label, t);
            row.addClassName("mingze-study-row");
            return row;
        }
    }
}
