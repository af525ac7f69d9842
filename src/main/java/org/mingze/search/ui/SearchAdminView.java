package org.mingze.search.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import org.mingze.base.i18n.Formats;
import org.mingze.base.security.Roles;
import org.mingze.search.IndexStatus;
import org.mingze.search.SearchIndexAdmin;

/**
 * 搜索索引: for administrators, the state of the index and a full rebuild from the library with a progress bar
 * (the page polls while the rebuild runs; searches keep using the old index until it is done).
 */
@Route("search/admin")
@RolesAllowed(Roles.ADMIN)
class SearchAdminView extends VerticalLayout implements HasDynamicTitle {

    private static final int POLL_MS = 500;

    private final SearchIndexAdmin admin;
    private final Div facts = new Div();
    private final ProgressBar progress = new ProgressBar();
    private final Span progressText = new Span();
    private final Button rebuild = new Button();
    private Registration polling;
    private boolean wasBuilding;

    SearchAdminView(SearchIndexAdmin admin) {
        this.admin = admin;
        addClassName("mingze-search-admin");
        setMaxWidth("48rem");

        RouterLink back = new RouterLink(getTranslation("search.admin.back"), SearchView.class);
        H2 title = new H2(getTranslation("search.admin.title"));
        Paragraph intro = new Paragraph(getTranslation("search.admin.intro"));
        facts.addClassName("mingze-search-admin-facts");
        progress.setMin(0);
        progress.setMax(1);
        progress.setWidthFull();
        progressText.addClassName("mingze-search-admin-progress");
        rebuild.setText(getTranslation("search.admin.rebuild"));
        rebuild.setIcon(VaadinIcon.REFRESH.create());
        rebuild.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        rebuild.addClickListener(e -> start());
        add(back, title, intro, facts, rebuild, progress, progressText);
        refresh();
    }

    private void start() {
        admin.rebuild();
        wasBuilding = true;
        rebuild.setEnabled(false);
        progress.setVisible(true);
        progress.setIndeterminate(true);
        progressText.setText(getTranslation("search.admin.starting"));
        poll(true);
    }

    private void poll(boolean on) {
        UI ui = UI.getCurrent();
        if (ui == null) {
            return;
        }
        if (on && polling == null) {
            ui.setPollInterval(POLL_MS);
            polling = ui.addPollListener(e -> refresh());
        } else if (!on && polling != null) {
            polling.remove();
            polling = null;
            ui.setPollInterval(-1);
        }
    }

    /** Shows the current state; stops polling and says so when a rebuild has ended. */
    void refresh() {
        IndexStatus s = admin.status();
        Locale locale = getLocale();
        facts.removeAll();
        fact(getTranslation("search.admin.documents"), String.valueOf(s.documents()));
        fact(getTranslation("search.admin.size"), s.folder() == null ? getTranslation("search.admin.in-memory")
                : getTranslation("search.admin.megabytes", String.format(Locale.ROOT, "%.1f", s.sizeBytes() / 1e6)));
        fact(getTranslation("search.admin.folder"), s.folder() == null ? getTranslation("search.admin.in-memory")
                : s.folder());
        fact(getTranslation("search.admin.format"), "v" + s.formatVersion());
        fact(getTranslation("search.admin.last"), s.lastRebuild() == null ? getTranslation("search.admin.never")
                : getTranslation("search.admin.last-value", Formats.dateTime(s.lastRebuild(), locale),
                        s.lastRebuildMillis()));
        if (s.lastError() != null) {
            Div error = fact(getTranslation("search.admin.error"), s.lastError());
            error.addClassName("mingze-search-admin-error");
        }
        if (s.building()) {
            wasBuilding = true;
            rebuild.setEnabled(false);
            progress.setVisible(true);
            progress.setIndeterminate(s.total() == 0);
            progress.setValue(s.total() == 0 ? 0 : (double) s.done() / s.total());
            progressText.setText(getTranslation("search.admin.progress", s.done(), s.total()));
            poll(true);
        } else {
            rebuild.setEnabled(true);
            progress.setVisible(false);
            progressText.setText("");
            if (wasBuilding) {
                wasBuilding = false;
                poll(false);
                if (s.lastError() == null) {
                    Notification.show(getTranslation("search.admin.done", s.documents()), 4000,
                            Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                } else {
                    Notification.show(getTranslation("search.admin.failed"), 6000, Notification.Position.MIDDLE)
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            }
        }
    }

    private Div fact(String label, String value) {
        Span l = new Span(label);
        l.addClassName("mingze-search-admin-label");
        Div row = new Div(l, new Span(value));
        row.addClassName("mingze-search-admin-fact");
        facts.add(row);
        return row;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (admin.status().building()) {
            poll(true);
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        poll(false);
        super.onDetach(detachEvent);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("search.admin.title");
    }
}
