package org.mingze.review.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import org.mingze.base.i18n.Formats;
import org.mingze.base.security.Roles;
import org.mingze.review.BatchRow;
import org.mingze.review.CandidateState;
import org.mingze.review.ReviewService;

/** 任免考核: the review batches of the units the organiser (or auditor) may read. */
@Route("review")
@RolesAllowed({Roles.ORGANIZER, Roles.ADMIN, Roles.AUDITOR})
@Menu(title = "menu.reviews", order = 45, icon = "vaadin:user-check")
class ReviewListView extends VerticalLayout implements HasDynamicTitle {

    ReviewListView(ReviewService reviews) {
        addClassName("mingze-reviews");
        Locale locale = UI.getCurrent().getLocale();
        add(new H2(getTranslation("review.list.title")));
        if (!org.mingze.base.security.CurrentUser.has(org.mingze.base.security.Role.AUDITOR)
                || org.mingze.base.security.CurrentUser.has(org.mingze.base.security.Role.ORGANIZER)) {
            Button add = new Button(getTranslation("review.list.new"),
                    e -> UI.getCurrent().navigate(ReviewEditorView.class));
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(add);
        }
        Grid<BatchRow> grid = new Grid<>();
        grid.addComponentColumn(b -> new RouterLink(b.name(), ReviewBatchView.class, b.id()))
                .setHeader(getTranslation("review.sheet.batch")).setFlexGrow(3);
        grid.addColumn(b -> getTranslation(b.type().labelKey())).setHeader(getTranslation("review.sheet.type"));
        grid.addColumn(BatchRow::unitName).setHeader(getTranslation("review.sheet.unit"));
        grid.addColumn(b -> Formats.date(b.deadline(), locale)).setHeader(getTranslation("review.field.deadline"));
        grid.addColumn(b -> getTranslation("review.list.counts", b.candidates(),
                        b.byState().getOrDefault(CandidateState.PASSED, 0),
                        b.byState().getOrDefault(CandidateState.DEFERRED, 0)))
                .setHeader(getTranslation("review.list.candidates"));
        grid.setItems(reviews.batches());
        grid.setAllRowsVisible(true);
        add(grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("review.list.title");
    }
}
