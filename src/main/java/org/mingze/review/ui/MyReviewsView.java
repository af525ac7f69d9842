package org.mingze.review.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import org.mingze.base.i18n.Formats;
import org.mingze.library.StudyCheckProvider;
import org.mingze.review.CandidateRow;
import org.mingze.review.CandidateState;
import org.mingze.review.ReviewService;
import org.mingze.review.internal.MakeupCheck;

/** 我的考核: the signed-in person's own review candidacies, the test, make-up study (补学), re-sit and sheet. */
@Route("review/mine")
@com.vaadin.flow.router.Menu(title = "menu.my-reviews", order = 28, icon = "vaadin:user-check")
@PermitAll
class MyReviewsView extends VerticalLayout implements HasDynamicTitle {

    MyReviewsView(ReviewService reviews) {
        addClassName("mingze-my-reviews");
        Locale locale = UI.getCurrent().getLocale();
        add(new H2(getTranslation("review.mine.title")));
        List<CandidateRow> mine = reviews.mine();
        if (mine.isEmpty()) {
            add(new Paragraph(getTranslation("review.mine.none")));
        }
        for (CandidateRow c : mine) {
            Div card = new Div();
            card.addClassName("mingze-review-card");
            Span state = new Span(getTranslation(c.state().labelKey()));
            state.getElement().getThemeList().add("badge small");
            card.add(new H3(c.batchName()), state, new Paragraph(getTranslation("review.mine.line", c.proposedPost(),
                    Formats.date(c.deadline(), locale))));
            if (c.state() == CandidateState.PENDING || c.state() == CandidateState.DEFERRED && c.resitGranted()) {
                card.add(new Div(new Anchor("exams/start/" + c.examId(), getTranslation(
                        c.state() == CandidateState.PENDING ? "review.mine.take" : "review.mine.resit"))));
            }
            if (c.state() == CandidateState.DEFERRED) {
                card.add(new Paragraph(getTranslation("review.mine.deferred", Formats.date(c.resitOpens(), locale),
                        Formats.date(c.resitCloses(), locale))));
                for (MakeupCheck.TagTask t : reviews.makeupTasks(c.id())) {
                    Div row = new Div(new Span(t.tag() + "："));
                    if (t.done()) {
                        Span ok = new Span(getTranslation("review.batch.makeup-done"));
                        ok.getElement().getThemeList().add("badge success small");
                        row.add(ok);
                    } else {
                        for (int i = 0; i < t.materialIds().size() && i < 3; i++) {
                            row.add(new Anchor("library/read/" + t.materialIds().get(i), t.titles().get(i)), new Span(" "),
                                    new Anchor(StudyCheckProvider.ROUTE + "/" + t.materialIds().get(i),
                                            getTranslation("review.mine.check")), new Span("；"));
                        }
                    }
                    card.add(row);
                }
            }
            if (c.firstScore() != null || c.state() == CandidateState.EXEMPTED) {
                card.add(new Div(new RouterLink(getTranslation("review.batch.sheet"), ReviewSheetView.class, c.id())));
            }
            add(card);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("review.mine.title");
    }
}
