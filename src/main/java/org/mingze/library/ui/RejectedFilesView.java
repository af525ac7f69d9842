package org.mingze.library.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.mingze.base.security.Roles;
import org.mingze.library.LibraryService;
import org.mingze.library.RejectedFile;
import org.mingze.library.ReloadResult;

/** For administrators: the files under content/materials that were not loaded, with line and reason; reload. */
@Route("library/rejected")
@RolesAllowed(Roles.ADMIN)
class RejectedFilesView extends VerticalLayout implements HasDynamicTitle {

    private final LibraryService library;
    private final Grid<RejectedFile> grid = new Grid<>();
    private final Paragraph none = new Paragraph();

    RejectedFilesView(LibraryService library) {
        this.library = library;
        addClassName("mingze-rejected");
        RouterLink back = new RouterLink(getTranslation("library.back"), LibraryView.class);
        H2 title = new H2(getTranslation("library.rejected.title"));
        Paragraph intro = new Paragraph(getTranslation("library.rejected.intro"));
        Button reload = new Button(getTranslation("library.reload"), VaadinIcon.REFRESH.create(), e -> reload());
        reload.addClassName("mingze-library-reload");
        // fixed minimum widths that wrap, not auto widths: a long path must not push the reason off a phone's screen
        grid.addColumn(RejectedFile::file).setHeader(getTranslation("library.rejected.file")).setWidth("7rem")
                .setFlexGrow(1);
        grid.addColumn(RejectedFile::line).setHeader(getTranslation("library.rejected.line")).setWidth("3rem")
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(RejectedFile::message).setHeader(getTranslation("library.rejected.reason")).setWidth("10rem")
                .setFlexGrow(2);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        none.setText(getTranslation("library.rejected.none"));
        none.addClassName("mingze-empty");
        add(back, title, intro, reload, none, grid);
        refresh();
    }

    private void refresh() {
        List<RejectedFile> rows = library.rejectedFiles(getLocale());
        grid.setItems(rows);
        grid.setVisible(!rows.isEmpty());
        none.setVisible(rows.isEmpty());
    }

    private void reload() {
        ReloadResult r = library.reload();
        refresh();
        Notification.show(getTranslation("library.reloaded", String.valueOf(r.loaded()), String.valueOf(r.rejected()),
                String.valueOf(r.changed()), String.valueOf(r.removed())), 5000, Notification.Position.BOTTOM_START);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("library.rejected.title");
    }
}
