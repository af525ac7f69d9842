package org.mingze.duty.ui;

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
import org.mingze.base.security.CurrentUser;
import org.mingze.base.security.Role;
import org.mingze.base.security.Roles;
import org.mingze.duty.DutyService;
import org.mingze.duty.SessionRow;

/** 述职评议: the duty-report sessions of the units the organiser (or auditor) may read. */
@Route("duty")
@RolesAllowed({Roles.ORGANIZER, Roles.ADMIN, Roles.AUDITOR})
@Menu(title = "menu.duty", order = 46, icon = "vaadin:presentation")
class DutyListView extends VerticalLayout implements HasDynamicTitle {

    DutyListView(DutyService duty) {
        addClassName("mingze-duty-list");
        Locale locale = UI.getCurrent().getLocale();
        add(new H2(getTranslation("duty.list.title")));
        if (CurrentUser.has(Role.ORGANIZER) || CurrentUser.has(Role.ADMIN)) {
            Button add = new Button(getTranslation("duty.list.new"), e -> UI.getCurrent().navigate(DutyEditorView.class));
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(add);
        }
        Grid<SessionRow> grid = new Grid<>();
        grid.addComponentColumn(s -> new RouterLink(s.name(), DutySessionView.class, s.id()))
                .setHeader(getTranslation("duty.field.name")).setFlexGrow(3);
        grid.addColumn(SessionRow::unitName).setHeader(getTranslation("duty.field.unit"));
        grid.addColumn(s -> Formats.date(s.meetingDay(), locale)).setHeader(getTranslation("duty.field.day"));
        grid.addColumn(SessionRow::reporters).setHeader(getTranslation("duty.field.reporters"));
        grid.setItems(duty.sessions());
        grid.setAllRowsVisible(true);
        add(grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("duty.list.title");
    }
}
