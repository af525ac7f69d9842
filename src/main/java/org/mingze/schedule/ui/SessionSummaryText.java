package org.mingze.schedule.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import org.mingze.schedule.SessionDetail;

/** The one-line summary of a session (attendance rate, reading completion, quiz average) for its page and record. */
final class SessionSummaryText {

    private SessionSummaryText() {
    }

    static String text(Component c, SessionDetail.Summary s) {
        StringBuilder sb = new StringBuilder(c.getTranslation("schedule.summary.attendance", s.attendanceRate(),
                s.attended(), s.expected()));
        if (s.readingRate() != null) {
            sb.append(" · ").append(c.getTranslation("schedule.summary.reading", s.readingRate()));
        }
        if (s.quizTaken() != null) {
            sb.append(" · ").append(s.quizAverage() == null ? c.getTranslation("schedule.summary.quiz-none")
                    : c.getTranslation("schedule.summary.quiz", s.quizAverage().toPlainString(), s.quizTaken()));
        }
        return sb.toString();
    }

    static Paragraph of(Component c, SessionDetail.Summary s) {
        Paragraph p = new Paragraph(text(c, s));
        p.addClassName("mingze-session-summary");
        return p;
    }
}
