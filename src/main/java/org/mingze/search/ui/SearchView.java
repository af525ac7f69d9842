package org.mingze.search.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;
import org.mingze.base.i18n.Formats;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.security.Role;
import org.mingze.base.ui.MainLayout;
import org.mingze.library.MaterialPage;
import org.mingze.search.FacetCount;
import org.mingze.search.SearchHit;
import org.mingze.search.SearchMessage;
import org.mingze.search.SearchRequest;
import org.mingze.search.SearchResults;
import org.mingze.search.SearchService;
import org.mingze.search.SearchSort;
import org.mingze.search.internal.SearchEngine;
import org.mingze.search.internal.SearchParams;

/**
 * 搜索: the search page. Everything it shows follows from the address ({@code ?q=&category=&tag=&type=&from=&to=
 * &sort=&page=}), so results can be bookmarked, shared and gone back to. Suggestions appear while typing; filters
 * are facets with counts; each hit links to its section in the reader, or (for the people who may open the question
 * bank) to the question in the bank editor.
 */
@Route(MainLayout.SEARCH_ROUTE)
@PermitAll
@Menu(title = "menu.search", order = 20, icon = "vaadin:search")
class SearchView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final SearchService search;
    private final TextField query = new TextField();
    private final Div suggestions = new Div();
    private final Select<SearchSort> sort = new Select<>();
    private final Div summary = new Div();
    private final Div notices = new Div();
    private final Div active = new Div();
    private final Div facets = new Div();
    /** All facets in one box: open on a wide screen, closed on a phone so that the results start on the first screen. */
    private static final int NARROW_PX = 800;

    private final Details filterBox = new Details();
    private final Div hits = new Div();
    private final Div pager = new Div();
    private SearchRequest request = SearchRequest.of("");
    private boolean updating;

    SearchView(SearchService search) {
        this.search = search;
        addClassName("mingze-search-page");
        setMaxWidth("72rem");
        setWidthFull();

        H2 title = new H2(getTranslation("search.title"));
        query.setPlaceholder(getTranslation("search.placeholder"));
        query.setAriaLabel(getTranslation("search.placeholder"));
        query.setPrefixComponent(VaadinIcon.SEARCH.create());
        query.setClearButtonVisible(true);
        query.setMaxLength(1000);
        query.setValueChangeMode(ValueChangeMode.LAZY);
        query.setValueChangeTimeout(200);
        query.addClassName("mingze-search-query");
        query.addValueChangeListener(e -> {
            if (!updating && e.isFromClient()) {
                showSuggestions(e.getValue());
            }
        });
        query.addKeyPressListener(Key.ENTER, e -> go(request.withPage(1)));
        Button submit = new Button(getTranslation("search.submit"), e -> go(request.withPage(1)));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FlexLayout bar = new FlexLayout(query, submit);
        bar.addClassName("mingze-search-bar");
        bar.setFlexGrow(1, query);
        bar.setWidthFull();
        suggestions.addClassName("mingze-search-suggestions");
        suggestions.setVisible(false);

        Details help = new Details(getTranslation("search.help.title"),
                new Paragraph(getTranslation("search.help.text")));
        help.addClassName("mingze-search-help");

        sort.setItems(SearchSort.values());
        sort.setItemLabelGenerator(s -> getTranslation("search.sort." + s.name().toLowerCase()));
        sort.setAriaLabel(getTranslation("search.sort.label"));
        sort.addValueChangeListener(e -> {
            if (!updating && e.getValue() != null) {
                go(request.withSort(e.getValue()).withPage(1));
            }
        });
        summary.addClassName("mingze-search-summary");
        FlexLayout head = new FlexLayout(summary, sort);
        head.addClassName("mingze-search-head");
        head.setWidthFull();
        head.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        head.setJustifyContentMode(JustifyContentMode.BETWEEN);
        head.setAlignItems(Alignment.CENTER);

        notices.addClassName("mingze-search-notices");
        active.addClassName("mingze-search-active");
        hits.addClassName("mingze-search-hits");
        pager.addClassName("mingze-search-pager");
        facets.addClassName("mingze-search-facets");
        Div main = new Div(head, notices, active, hits, pager);
        main.addClassName("mingze-search-main");
        filterBox.setSummaryText(getTranslation("search.filters"));
        filterBox.add(facets);
        filterBox.setOpened(true);
        filterBox.addClassName("mingze-search-filter-box");
        filterBox.setVisible(false);
        UI.getCurrent().getPage().retrieveExtendedClientDetails(
                d -> filterBox.setOpened(d.getWindowInnerWidth() > NARROW_PX));
        Div body = new Div(main, filterBox);
        body.addClassName("mingze-search-body");

        add(title, bar, suggestions, help, body);
        if (CurrentUser.has(Role.ADMIN)) {
            RouterLink admin = new RouterLink(getTranslation("search.admin.link"), SearchAdminView.class);
            admin.addClassName("mingze-search-admin-link");
            add(admin);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        request = SearchParams.parseLenient(event.getLocation().getQueryParameters().getParameters());
        updating = true;
        try {
            query.setValue(request.q());
            sort.setValue(request.sort());
        } finally {
            updating = false;
        }
        suggestions.setVisible(false);
        render(request.q().isBlank() && !request.hasFilters() ? null : search.search(request));
    }

    /** Goes to the address of a request; {@link #beforeEnter} then searches. */
    private void go(SearchRequest next) {
        SearchRequest withText = new SearchRequest(query.getValue(), next.categories(), next.tags(), next.types(),
                next.from(), next.to(), next.sort(), next.page(), next.size());
        UI.getCurrent().navigate(SearchView.class, new QueryParameters(SearchParams.toParams(withText)));
    }

    private void showSuggestions(String typed) {
        suggestions.removeAll();
        List<String> found = typed == null || typed.isBlank() ? List.of() : search.suggest(typed);
        for (String s : found) {
            Button b = new Button(s, e -> {
                updating = true;
                try {
                    query.setValue(s);
                } finally {
                    updating = false;
                }
                go(request.withPage(1));
            });
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            b.addClassName("mingze-search-suggestion");
            suggestions.add(b);
        }
        suggestions.setVisible(!found.isEmpty());
    }

    private void render(SearchResults results) {
        summary.removeAll();
        notices.removeAll();
        active.removeAll();
        hits.removeAll();
        pager.removeAll();
        facets.removeAll();
        filterBox.setVisible(false);
        renderActiveFilters();
        if (results == null) {
            hits.add(paragraph(getTranslation("search.start"), "mingze-empty"));
            if (search.findsQuestions()) {
                hits.add(paragraph(getTranslation("search.start.questions"), "mingze-empty"));
            }
            return;
        }
        for (SearchMessage notice : results.notices()) {
            notices.add(paragraph(message(notice), "mingze-search-notice"));
        }
        if (results.problem() != null) {
            Paragraph p = paragraph(message(results.problem()), "mingze-search-problem");
            hits.add(p);
            return;
        }
        summary.setText(getTranslation("search.summary", results.total(), results.tookMs()));
        if (results.hits().isEmpty()) {
            renderNothingFound(results);
        }
        for (SearchHit hit : results.hits()) {
            hits.add(hitCard(hit));
        }
        renderPager(results);
        renderFacets(results);
    }

    private static final Pattern MARKED = Pattern.compile("<mark>([^<]{1,30})</mark>");

    /**
     * The hit's address with the words its snippet marks as {@code ?hl=} parameters, so that the reader highlights
     * them too (synonyms included: 两个责任 marks 主体责任 and 监督责任 where they stand).
     */
    static String withHighlights(String url, String snippet) {
        LinkedHashSet<String> words = new LinkedHashSet<>();
        Matcher m = MARKED.matcher(snippet == null ? "" : snippet);
        while (m.find()) {
            words.add(Parser.unescapeEntities(m.group(1), false));
        }
        List<String> kept = MaterialPage.highlights(List.copyOf(words));
        if (kept.isEmpty()) {
            return url;
        }
        int hash = url.indexOf('#');
        String path = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        StringBuilder out = new StringBuilder(path);
        char sep = path.contains("?") ? '&' : '?';
        for (String w : kept) {
            out.append(sep).append(MaterialPage.HIGHLIGHT_PARAMETER).append('=')
                    .append(URLEncoder.encode(w, StandardCharsets.UTF_8).replace("+", "%20"));
            sep = '&';
        }
        return out.append(fragment).toString();
    }

    private Component hitCard(SearchHit hit) {
        Div card = new Div();
        card.addClassName("mingze-search-hit");
        String label = hit.heading() == null || hit.heading().isBlank() ? hit.title()
                : getTranslation("search.hit.title", hit.title(), hit.heading());
        // the reader marks the words of a section hit; the bank editor takes no such parameters
        Anchor link = new Anchor(hit.isQuestion() ? hit.url() : withHighlights(hit.url(), hit.snippet()), label);
        link.addClassName("mingze-search-hit-title");
        card.add(new Div(link));
        if (hit.isQuestion()) {
            card.addClassName("mingze-search-hit-question");
        }
        List<String> meta = new ArrayList<>();
        if (hit.isQuestion()) {
            meta.add(hit.questionType() == null ? getTranslation("search.type.question")
                    : getTranslation("search.hit.question", getTranslation("quiz.type."
                            + hit.questionType().toUpperCase(Locale.ROOT))));
        }
        if (hit.category() != null) {
            meta.add(hit.category());
        }
        if (hit.date() != null) {
            meta.add(Formats.date(hit.date(), getLocale()));
        }
        if (!hit.tags().isEmpty()) {
            meta.add(String.join(getTranslation("common.list-separator"), hit.tags()));
        }
        Div metaLine = new Div(new Span(String.join(" · ", meta)));
        metaLine.addClassName("mingze-search-hit-meta");
        if (hit.archived()) {
            Span archived = new Span(getTranslation(hit.isQuestion() ? "search.hit.retired" : "search.hit.archived"));
            archived.getElement().getThemeList().add("badge contrast small");
            metaLine.add(archived);
        }
        card.add(metaLine);
        Div snippet = new Div();
        snippet.addClassName("mingze-search-snippet");
        // the highlighter escapes the text; the only markup is <mark>
        snippet.getElement().setProperty("innerHTML", hit.snippet());
        card.add(snippet);
        return card;
    }

    private void renderNothingFound(SearchResults results) {
        Div box = new Div();
        box.addClassName("mingze-search-nothing");
        box.add(new H3(getTranslation("search.nothing.title", results.request().q())));
        if (results.request().hasFilters()) {
            Button all = new Button(getTranslation("search.nothing.without-filters"),
                    e -> go(request.withoutFilters().withPage(1)));
            all.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            box.add(new Div(all));
        }
        List<String> related = search.related(results.request().q());
        if (!related.isEmpty()) {
            Div terms = new Div(new Span(getTranslation("search.nothing.related")));
            terms.addClassName("mingze-search-related");
            for (String t : related) {
                Button b = new Button(t, e -> {
                    updating = true;
                    try {
                        query.setValue(t);
                    } finally {
                        updating = false;
                    }
                    go(request.withPage(1));
                });
                b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                terms.add(b);
            }
            box.add(terms);
        }
        box.add(paragraph(getTranslation("search.nothing.tips"), "mingze-search-tips"));
        hits.add(box);
    }

    private void renderPager(SearchResults results) {
        int pages = results.pages();
        if (pages <= 1) {
            return;
        }
        int page = results.request().page();
        Button prev = new Button(getTranslation("search.page.previous"), VaadinIcon.ANGLE_LEFT.create(),
                e -> go(request.withPage(page - 1)));
        prev.setEnabled(page > 1);
        Button next = new Button(getTranslation("search.page.next"), VaadinIcon.ANGLE_RIGHT.create(),
                e -> go(request.withPage(page + 1)));
        next.setIconAfterText(true);
        next.setEnabled(page < pages && page * results.request().size() < SearchEngine.MAX_WINDOW);
        Span where = new Span(getTranslation("search.page.of", page, pages));
        pager.add(prev, where, next);
    }

    private void renderFacets(SearchResults results) {
        if (results.total() == 0) {
            return;
        }
        facet(results, "category", request.categories(),
                v -> go(request.withCategories(toggle(request.categories(), v)).withPage(1)));
        facet(results, "tag", request.tags(), v -> go(request.withTags(toggle(request.tags(), v)).withPage(1)));
        facet(results, "year", selectedYear() == null ? List.of() : List.of(selectedYear()), v -> {
            if (v.equals(selectedYear())) {
                go(request.withDates(null, null).withPage(1));
            } else {
                int y = Integer.parseInt(v);
                go(request.withDates(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)).withPage(1));
            }
        });
        facet(results, "type", request.types(),
                v -> go(request.withTypes(toggle(request.types(), v)).withPage(1)));
    }

    private void facet(SearchResults results, String dim, List<String> selected, Consumer<String> onClick) {
        List<FacetCount> values = results.facets().getOrDefault(dim, List.of());
        if (values.isEmpty() || values.size() == 1 && selected.isEmpty() && values.get(0).count() == results.total()) {
            return; // one value that every hit has: choosing it would change nothing
        }
        Div list = new Div();
        list.addClassName("mingze-search-facet-values");
        Function<String, String> label = "type".equals(dim) ? v -> getTranslation("search.type." + v) : v -> v;
        for (FacetCount fc : values) {
            Button b = new Button(getTranslation("search.facet.value", label.apply(fc.value()), fc.count()),
                    e -> onClick.accept(fc.value()));
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, selected.contains(fc.value()) ? ButtonVariant.LUMO_PRIMARY
                    : ButtonVariant.LUMO_TERTIARY);
            b.addClassName("mingze-search-facet-value");
            b.getElement().setAttribute("aria-pressed", String.valueOf(selected.contains(fc.value())));
            list.add(b);
        }
        Details details = new Details(getTranslation("search.facet." + dim), list);
        details.setOpened(true);
        details.addClassName("mingze-search-facet");
        facets.add(details);
        filterBox.setVisible(true);
    }

    private void renderActiveFilters() {
        if (!request.hasFilters()) {
            return;
        }
        for (String c : request.categories()) {
            active.add(chip(getTranslation("search.facet.category") + "：" + c,
                    () -> go(request.withCategories(toggle(request.categories(), c)).withPage(1))));
        }
        for (String t : request.tags()) {
            active.add(chip(getTranslation("search.facet.tag") + "：" + t,
                    () -> go(request.withTags(toggle(request.tags(), t)).withPage(1))));
        }
        for (String t : request.types()) {
            active.add(chip(getTranslation("search.facet.type") + "：" + getTranslation("search.type." + t),
                    () -> go(request.withTypes(toggle(request.types(), t)).withPage(1))));
        }
        if (request.from() != null || request.to() != null) {
            String year = selectedYear();
            String text = year != null ? year : getTranslation("search.filter.dates",
                    request.from() == null ? "…" : Formats.date(request.from(), getLocale()),
                    request.to() == null ? "…" : Formats.date(request.to(), getLocale()));
            active.add(chip(getTranslation("search.facet.year") + "：" + text,
                    () -> go(request.withDates(null, null).withPage(1))));
        }
        Button clear = new Button(getTranslation("search.filter.clear"),
                e -> go(request.withoutFilters().withPage(1)));
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        active.add(clear);
    }

    private Button chip(String text, Runnable remove) {
        Button b = new Button(text, VaadinIcon.CLOSE_SMALL.create(), e -> remove.run());
        b.setIconAfterText(true);
        b.addThemeVariants(ButtonVariant.LUMO_CONTRAST, ButtonVariant.LUMO_SMALL);
        b.addClassName("mingze-search-chip");
        b.setAriaLabel(getTranslation("search.filter.remove", text));
        return b;
    }

    /** The year when the date filter is exactly one calendar year, else null. */
    private String selectedYear() {
        LocalDate from = request.from();
        LocalDate to = request.to();
        if (from != null && to != null && from.getYear() == to.getYear() && from.getDayOfYear() == 1
                && to.equals(LocalDate.of(to.getYear(), 12, 31))) {
            return String.valueOf(from.getYear());
        }
        return null;
    }

    private static List<String> toggle(List<String> values, String value) {
        List<String> out = new ArrayList<>(values);
        if (!out.remove(value)) {
            out.add(value);
        }
        return out;
    }

    private String message(SearchMessage m) {
        return getTranslation(m.key(), m.args().toArray());
    }

    private static Paragraph paragraph(String text, String className) {
        Paragraph p = new Paragraph(text);
        p.addClassName(className);
        return p;
    }

    @Override
    public String getPageTitle() {
        return request.q().isBlank() ? getTranslation("search.title")
                : getTranslation("search.page-title", request.q());
    }

    /** For tests: the parameters the page shows. */
    Map<String, List<String>> currentParameters() {
        return SearchParams.toParams(request);
    }
}
