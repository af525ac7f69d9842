package org.mingze.library.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.text.Collator;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.mingze.base.i18n.Formats;
import org.mingze.base.i18n.Languages;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.security.Role;
import org.mingze.library.LibraryService;
import org.mingze.library.MaterialCard;
import org.mingze.library.ReloadResult;

/**
 * 学习资料: every material the person may see, filtered by category and tag (each facet counts what the other
 * leaves), sorted by date or title. Filters live in the URL (?category=&tag=&sort=) so that "back" keeps them.
 * Administrators also see archived materials (on request), the rejected files and a reload button.
 */
@Route("library")
@PermitAll
@Menu(title = "menu.library", order = 10, icon = "vaadin:book")
class LibraryView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    /** Tags shown before "more": a bureau's content has dozens, and a phone screen has room for a few lines. */
    static final int TAGS_SHOWN = 10;
    static final String SORT_DATE = "date";
    static final String SORT_TITLE = "title";

    private final LibraryService library;
    private final boolean admin = CurrentUser.has(Role.ADMIN);
    private final boolean organiser = admin || CurrentUser.has(Role.ORGANIZER);
    private final Select<String> sort = new Select<>();
    private final Checkbox showArchived = new Checkbox();
    private final Div categories = new Div();
    private final Div tags = new Div();
    private final Span count = new Span();
    private final Div list = new Div();
    private List<MaterialCard> all = List.of();
    private String category;
    private String tag;
    private boolean allTags;

    LibraryView(LibraryService library) {
        this.library = library;
        addClassName("mingze-library");

        H2 title = new H2(getTranslation("library.title"));
        title.addClassName("mingze-library-title");

        sort.setLabel(getTranslation("library.sort"));
        sort.setItems(SORT_DATE, SORT_TITLE);
        sort.setItemLabelGenerator(s -> getTranslation("library.sort." + s));
        sort.setValue(SORT_DATE);
        sort.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                changed();
            }
        });
        Div tools = new Div(sort);
        tools.addClassName("mingze-library-tools");
        if (organiser) {
            Button upload = new Button(getTranslation("library.upload"), VaadinIcon.UPLOAD.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate(UploadView.class)));
            upload.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            upload.addClassName("mingze-library-upload");
            tools.add(upload);
        }
        if (admin) {
            showArchived.setLabel(getTranslation("library.show-archived"));
            showArchived.addValueChangeListener(e -> render());
            Button reload = new Button(getTranslation("library.reload"), VaadinIcon.REFRESH.create(), e -> reload());
            reload.addClassName("mingze-library-reload");
            int rejected = (int) library.rejectedFiles(getLocale()).stream().map(r -> r.file()).distinct().count();
            RouterLink problems = new RouterLink(getTranslation("library.rejected.link", String.valueOf(rejected)),
                    RejectedFilesView.class);
            problems.addClassName("mingze-library-rejected");
            if (rejected > 0) {
                problems.addClassName("has-problems");
            }
            tools.add(showArchived, reload, problems);
        }

        categories.addClassName("mingze-facet");
        tags.addClassName("mingze-facet");
        count.addClassName("mingze-library-count");
        list.addClassName("mingze-library-list");
        add(title, tools, facet("library.facet.category", categories), facet("library.facet.tag", tags), count, list);
    }

    private Component facet(String labelKey, Div chips) {
        Div box = new Div();
        box.addClassName("mingze-facet-box");
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("mingze-facet-label");
        box.add(label, chips);
        return box;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters();
        category = params.getSingleParameter("category").filter(s -> !s.isBlank()).orElse(null);
        tag = params.getSingleParameter("tag").filter(s -> !s.isBlank()).orElse(null);
        sort.setValue(params.getSingleParameter("sort").filter(SORT_TITLE::equals).orElse(SORT_DATE));
        all = library.materials();
        render();
    }

    private void changed() {
        Map<String, String> q = new LinkedHashMap<>();
        if (category != null) {
            q.put("category", category);
        }
        if (tag != null) {
            q.put("tag", tag);
        }
        if (SORT_TITLE.equals(sort.getValue())) {
            q.put("sort", SORT_TITLE);
        }
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new com.vaadin.flow.router.Location("library", QueryParameters.simple(q))));
        render();
    }

    private void render() {
        List<MaterialCard> base = all.stream().filter(m -> !m.archived() || showArchived.getValue()).toList();
        Predicate<MaterialCard> inCategory = m -> category == null || m.category().equals(category);
        Predicate<MaterialCard> hasTag = m -> tag == null || m.tags().contains(tag);

        // each facet counts what the other facet leaves
        Map<String, Integer> categoryCounts = counts(base.stream().filter(hasTag).map(m -> List.of(m.category()))
                .toList());
        Map<String, Integer> tagCounts = counts(base.stream().filter(inCategory).map(MaterialCard::tags).toList());
        categories.removeAll();
        categories.add(chip(getTranslation("library.facet.all"), (int) base.stream().filter(hasTag).count(),
                category == null, () -> category = null));
        categoryCounts.forEach((c, n) -> categories.add(chip(c, n, c.equals(category), () -> category = c)));
        tags.removeAll();
        tags.add(chip(getTranslation("library.facet.all"), (int) base.stream().filter(inCategory).count(),
                tag == null, () -> tag = null));
        int listed = 0;
        for (var e : tagCounts.entrySet()) {
            boolean selected = e.getKey().equals(tag);
            if (allTags || listed < TAGS_SHOWN || selected) {
                tags.add(chip(e.getKey(), e.getValue(), selected, () -> tag = e.getKey()));
            }
            listed++;
        }
        if (tagCounts.size() > TAGS_SHOWN) {
            Button more = new Button(allTags ? getTranslation("library.facet.less")
                    : getTranslation("library.facet.more", String.valueOf(tagCounts.size() - TAGS_SHOWN)), e -> {
                allTags = !allTags;
                render();
            });
            more.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            more.addClassName("mingze-facet-more");
            tags.add(more);
        }
        tags.getParent().ifPresent(p -> p.setVisible(!tagCounts.isEmpty()));

        Collator collator = Collator.getInstance(Languages.CHINESE);
        Comparator<MaterialCard> byTitle = Comparator.comparing(MaterialCard::title, collator);
        Comparator<MaterialCard> order = SORT_TITLE.equals(sort.getValue()) ? byTitle
                : Comparator.comparing((MaterialCard m) -> m.date() == null ? LocalDate.MIN : m.date()).reversed()
                        .thenComparing(byTitle);
        List<MaterialCard> shown = base.stream().filter(inCategory).filter(hasTag).sorted(order).toList();
        count.setText(getTranslation("library.count", String.valueOf(shown.size())));
        list.removeAll();
        if (shown.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation(all.isEmpty() ? "library.empty" : "library.empty.filtered"));
            none.addClassName("mingze-empty");
            list.add(none);
        }
        shown.forEach(m -> list.add(card(m)));
    }

    /** Facet values by count (most first), then in Chinese collation order. */
    private static Map<String, Integer> counts(List<List<String>> values) {
        Map<String, Integer> counts = new HashMap<>();
        values.forEach(vs -> vs.forEach(v -> counts.merge(v, 1, Integer::sum)));
        Collator collator = Collator.getInstance(Languages.CHINESE);
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey(collator))).forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private Button chip(String label, int n, boolean selected, Runnable select) {
        Button b = new Button(getTranslation("library.facet.count", label, String.valueOf(n)), e -> {
            select.run();
            changed();
        });
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, selected ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_CONTRAST);
        if (!selected) {
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        }
        b.addClassName("mingze-chip");
        b.getElement().setAttribute("aria-pressed", String.valueOf(selected));
        return b;
    }

    private Component card(MaterialCard m) {
        Div card = new Div();
        card.addClassName("mingze-material-card");
        RouterLink title = new RouterLink(m.title(), ReaderView.class, m.id());
        title.addClassName("mingze-material-title");
        Div meta = new Div();
        meta.addClassName("mingze-material-meta");
        meta.add(new Span(m.category()));
        if (m.date() != null) {
            meta.add(new Span(Formats.date(m.date(), getLocale())));
        }
        meta.add(new Span(getTranslation("library.minutes", String.valueOf(m.minutes()))));
        if (m.studied()) {
            Span studied = new Span(getTranslation("library.studied"));
            studied.getElement().getThemeList().add("badge success small");
            studied.addClassName("mingze-studied");
            meta.add(studied);
        }
        if (m.archived()) {
            Span archived = new Span(getTranslation("library.archived"));
            archived.getElement().getThemeList().add("badge contrast small");
            archived.addClassName("mingze-archived");
            meta.add(archived);
        }
        card.add(title, meta);
        if (m.summary() != null) {
            Paragraph summary = new Paragraph(m.summary());
            summary.addClassName("mingze-material-summary");
            card.add(summary);
        }
        if (!m.tags().isEmpty()) {
            Div tagLine = new Div();
            tagLine.addClassName("mingze-material-tags");
            m.tags().forEach(t -> {
                Span s = new Span(t);
                s.getElement().getThemeList().add("badge small");
                tagLine.add(s);
            });
            card.add(tagLine);
        }
        return card;
    }

    private void reload() {
        ReloadResult r = library.reload();
        all = library.materials();
        render();
        Notification.show(getTranslation("library.reloaded", String.valueOf(r.loaded()), String.valueOf(r.rejected()),
                String.valueOf(r.changed()), String.valueOf(r.removed())), 5000, Notification.Position.BOTTOM_START);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("library.title");
    }
}
