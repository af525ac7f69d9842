package org.mingze.quiz.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.security.Role;
import org.mingze.base.security.Roles;
import org.mingze.quiz.BankFileProblem;
import org.mingze.quiz.BankSummary;
import org.mingze.quiz.QuestionFilter;
import org.mingze.quiz.QuestionPage;
import org.mingze.quiz.QuestionRow;
import org.mingze.quiz.QuestionService;
import org.mingze.quiz.QuestionType;
import org.mingze.quiz.QuizReloadResult;

/**
 * 题库管理: the questions of all banks, filtered by bank, category, tag, type, difficulty and words of the stem (the
 * filters live in the URL, so "back" from the editor keeps them), as cards that open the editor, a page at a time.
 * Organisers and administrators create questions; administrators also reload content/questions and see the bank
 * files that were not imported. Auditors read.
 */
@Route(QuestionListView.ROUTE)
@RolesAllowed({Roles.ORGANIZER, Roles.ADMIN, Roles.AUDITOR})
@Menu(title = "menu.questions", order = 40, icon = "vaadin:question-circle-o")
class QuestionListView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final String ROUTE = "quiz/questions";
    static final int PAGE_SIZE = 20;
    /** Characters of the stem a card shows. */
    static final int STEM_SHOWN = 80;
    /** The session remembers the list's last query, for the editor's "back" link. */
    private static final String LAST_QUERY = QuestionListView.class.getName() + ".query";

    private final QuestionService questions;
    private final boolean admin = CurrentUser.has(Role.ADMIN);
    private final boolean canEdit = admin || CurrentUser.has(Role.ORGANIZER);

    final ComboBox<String> bank = new ComboBox<>();
    final ComboBox<String> category = new ComboBox<>();
    final ComboBox<String> tag = new ComboBox<>();
    final Select<Integer> difficulty = new Select<>();
    final TextField text = new TextField();
    final Checkbox retired = new Checkbox();
    private final Div types = new Div();
    private final Span count = new Span();
    final Div list = new Div();
    private final Div pager = new Div();
    private final Div rejectedList = new Div();
    private Details rejected;
    private QuestionType type;
    private int page;
    /** True while the fields are set from the URL: their change events must not write the URL back. */
    private boolean restoring;

    QuestionListView(QuestionService questions) {
        this.questions = questions;
        addClassName("mingze-qbank");

        H2 title = new H2(getTranslation("menu.questions"));
        Div tools = new Div();
        tools.addClassName("mingze-qbank-tools");
        if (canEdit) {
            Button create = new Button(getTranslation("quiz.list.new"), VaadinIcon.PLUS.create(), e -> create());
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.addClassName("mingze-qbank-new");
            tools.add(create);
        }
        if (admin) {
            Button reload = new Button(getTranslation("quiz.list.reload"), VaadinIcon.REFRESH.create(),
                    e -> reload());
            reload.addClassName("mingze-qbank-reload");
            tools.add(reload);
        }
        add(title, tools, filters(), types, count, list, pager);
        if (admin) {
            rejectedList.addClassName("mingze-qbank-rejected-list");
            rejected = new Details();
            rejected.add(rejectedList);
            rejected.addClassName("mingze-qbank-rejected");
            add(rejected);
            showRejected();
        }
        types.addClassName("mingze-facet");
        count.addClassName("mingze-library-count");
        list.addClassName("mingze-qbank-list");
        pager.addClassName("mingze-qbank-pager");
    }

    private Component filters() {
        text.setPlaceholder(getTranslation("quiz.list.text"));
        text.setAriaLabel(getTranslation("quiz.list.text"));
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        bank.setPlaceholder(getTranslation("quiz.list.bank.all"));
        bank.setAriaLabel(getTranslation("quiz.field.bank"));
        category.setPlaceholder(getTranslation("quiz.list.category.all"));
        category.setAriaLabel(getTranslation("quiz.field.category"));
        tag.setPlaceholder(getTranslation("quiz.list.tag.all"));
        tag.setAriaLabel(getTranslation("quiz.field.tags"));
        difficulty.setItems(1, 2, 3, 4, 5);
        difficulty.setEmptySelectionAllowed(true);
        difficulty.setEmptySelectionCaption(getTranslation("quiz.list.difficulty.all"));
        difficulty.setItemLabelGenerator(d -> d == null ? getTranslation("quiz.list.difficulty.all")
                : getTranslation("quiz.difficulty." + d));
        difficulty.setAriaLabel(getTranslation("quiz.field.difficulty"));
        retired.setLabel(getTranslation("quiz.list.retired"));
        for (ComboBox<String> c : List.of(bank, category, tag)) {
            c.setClearButtonVisible(true);
        }
        refreshChoices();
        text.addValueChangeListener(e -> filterChanged());
        bank.addValueChangeListener(e -> filterChanged());
        category.addValueChangeListener(e -> filterChanged());
        tag.addValueChangeListener(e -> filterChanged());
        difficulty.addValueChangeListener(e -> filterChanged());
        retired.addValueChangeListener(e -> filterChanged());
        Div filters = new Div(text, bank, category, tag, difficulty, retired);
        filters.addClassName("mingze-qbank-filters");
        return filters;
    }

    /** The banks (with their counts), categories and tags to filter by, as they are now. */
    private void refreshChoices() {
        Map<String, BankSummary> banks = new LinkedHashMap<>();
        questions.banks().forEach(b -> banks.put(b.name(), b));
        restoring = true;
        try {
            keepValue(bank, List.copyOf(banks.keySet()));
            bank.setItemLabelGenerator(b -> banks.containsKey(b)
                    ? getTranslation("quiz.list.bank.count", b, String.valueOf(banks.get(b).questions())) : b);
            keepValue(category, questions.categories());
            keepValue(tag, questions.tags());
        } finally {
            restoring = false;
        }
    }

    private static void keepValue(ComboBox<String> box, List<String> items) {
        String value = box.getValue();
        box.setItems(items);
        box.setValue(value != null && items.contains(value) ? value : null);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters();
        restoring = true;
        try {
            text.setValue(param(params, "q").orElse(""));
            bank.setValue(param(params, "bank").orElse(null));
            category.setValue(param(params, "category").orElse(null));
            tag.setValue(param(params, "tag").orElse(null));
            difficulty.setValue(param(params, "difficulty").filter(d -> d.matches("[1-5]")).map(Integer::valueOf)
                    .orElse(null));
            retired.setValue(param(params, "retired").isPresent());
            type = param(params, "type").flatMap(QuestionType::fromCode).orElse(null);
            page = param(params, "page").filter(p -> p.matches("\\d{1,5}")).map(p -> Integer.parseInt(p) - 1)
                    .orElse(0);
        } finally {
            restoring = false;
        }
        render();
    }

    private static Optional<String> param(QueryParameters params, String name) {
        return params.getSingleParameter(name).map(String::strip).filter(s -> !s.isEmpty());
    }

    private void filterChanged() {
        if (restoring) {
            return;
        }
        page = 0;
        changed();
    }

    /** Writes the filters into the URL (without a new history entry) and shows the list again. */
    private void changed() {
        QueryParameters query = query();
        VaadinSession.getCurrent().setAttribute(LAST_QUERY, query.getQueryString());
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, new Location(ROUTE, query)));
        render();
    }

    private QueryParameters query() {
        Map<String, String> q = new LinkedHashMap<>();
        put(q, "q", text.getValue());
        put(q, "bank", bank.getValue());
        put(q, "category", category.getValue());
        put(q, "tag", tag.getValue());
        put(q, "type", type == null ? null : type.code());
        put(q, "difficulty", difficulty.getValue() == null ? null : String.valueOf(difficulty.getValue()));
        put(q, "retired", retired.getValue() ? "1" : null);
        put(q, "page", page > 0 ? String.valueOf(page + 1) : null);
        return QueryParameters.simple(q);
    }

    private static void put(Map<String, String> q, String key, String value) {
        if (value != null && !value.isBlank()) {
            q.put(key, value.strip());
        }
    }

    /** The list's last filters in this session ({@code bank=...&tag=...}), or "". */
    static String lastQuery() {
        Object q = VaadinSession.getCurrent() == null ? null : VaadinSession.getCurrent().getAttribute(LAST_QUERY);
        return q == null ? "" : q.toString();
    }

    QuestionFilter filter() {
        return new QuestionFilter(bank.getValue(), category.getValue(), tag.getValue(), type, difficulty.getValue(),
                null, text.getValue(), retired.getValue());
    }

    private void render() {
        QuestionFilter f = filter();
        QuestionPage found = questions.search(f, page, PAGE_SIZE);
        int pages = (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        if (page >= pages) {
            page = pages - 1;
            found = questions.search(f, page, PAGE_SIZE);
        }
        // each type chip counts what the other filters leave, whatever type is chosen
        Map<QuestionType, Long> byType = type == null ? found.byType() : questions.search(f.withType(null), 0, 1)
                .byType();
        long all = byType.values().stream().mapToLong(Long::longValue).sum();
        types.removeAll();
        types.add(chip(getTranslation("quiz.list.type.all"), all, type == null, null));
        for (QuestionType t : QuestionType.values()) {
            types.add(chip(getTranslation("quiz.type." + t.name()), byType.getOrDefault(t, 0L), t == type, t));
        }
        count.setText(getTranslation("quiz.list.count", String.valueOf(found.total())));
        list.removeAll();
        if (found.rows().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("quiz.list.empty"));
            none.addClassName("mingze-empty");
            list.add(none);
        }
        found.rows().forEach(r -> list.add(card(r)));
        pager.removeAll();
        pager.setVisible(pages > 1);
        if (pages > 1) {
            Button previous = new Button(getTranslation("quiz.list.previous"), e -> turn(-1));
            previous.setEnabled(page > 0);
            Button next = new Button(getTranslation("quiz.list.next"), e -> turn(1));
            next.setEnabled(page < pages - 1);
            for (Button b : List.of(previous, next)) {
                b.addThemeVariants(ButtonVariant.LUMO_SMALL);
            }
            Span where = new Span(getTranslation("quiz.list.page", String.valueOf(page + 1), String.valueOf(pages)));
            pager.add(previous, where, next);
        }
    }

    private void turn(int by) {
        page = Math.max(0, page + by);
        changed();
        getElement().executeJs("window.scrollTo(0, 0)");
    }

    private Button chip(String label, long n, boolean selected, QuestionType value) {
        Button b = new Button(getTranslation("quiz.list.type.count", label, String.valueOf(n)), e -> {
            type = value;
            page = 0;
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

    /** One question as a card that is a link to its editor: id, type, version, difficulty, stem, bank and tags. */
    private Component card(QuestionRow r) {
        RouterLink card = new RouterLink();
        card.setRoute(QuestionEditorView.class, new RouteParameters(QuestionEditorView.ID, r.id()));
        card.addClassName("mingze-qcard");
        if (r.retired()) {
            card.addClassName("retired");
        }
        Div head = new Div();
        head.addClassName("mingze-qcard-head");
        Span id = new Span(r.id());
        id.addClassName("mingze-qcard-id");
        head.add(id, badge(getTranslation("quiz.type." + r.type().name()), "badge small"));
        if (r.retired()) {
            head.add(badge(getTranslation("quiz.retired"), "badge contrast small"));
        }
        Span version = new Span(getTranslation("quiz.version", String.valueOf(r.version())));
        Span level = new Span(getTranslation("quiz.list.difficulty",
                getTranslation("quiz.difficulty." + r.difficulty())));
        head.add(version, level);
        Paragraph stem = new Paragraph(shorten(r.stem()));
        stem.addClassName("mingze-qcard-stem");
        Div meta = new Div();
        meta.addClassName("mingze-qcard-meta");
        Span bankName = new Span(r.bank());
        bankName.addClassName("mingze-qcard-bank");
        meta.add(bankName);
        for (String t : r.tags()) {
            meta.add(badge(t, "badge small contrast"));
        }
        card.add(head, stem, meta);
        return card;
    }

    static String shorten(String stem) {
        if (stem == null) {
            return "";
        }
        int[] cps = stem.codePoints().toArray();
        return cps.length <= STEM_SHOWN ? stem : new String(cps, 0, STEM_SHOWN) + "…";
    }

    private static Span badge(String text, String theme) {
        Span s = new Span(text);
        s.getElement().getThemeList().add(theme);
        return s;
    }

    private void create() {
        QueryParameters q = bank.getValue() == null ? QueryParameters.empty()
                : QueryParameters.of("bank", bank.getValue());
        UI.getCurrent().navigate(QuestionEditorView.class, new RouteParameters(QuestionEditorView.ID,
                QuestionEditorView.NEW), q);
    }

    private void reload() {
        QuizReloadResult r = questions.reload();
        refreshChoices();
        render();
        showRejected();
        Notification.show(getTranslation("quiz.list.reloaded", String.valueOf(r.files()),
                String.valueOf(r.rejectedFiles()), String.valueOf(r.questions()), String.valueOf(r.created()),
                String.valueOf(r.changed()), String.valueOf(r.retired()), String.valueOf(r.restored())), 8000,
                Notification.Position.BOTTOM_START);
    }

    /** For administrators: why bank files were not imported, one card per problem (no grid: phones). */
    private void showRejected() {
        List<BankFileProblem> problems = questions.rejectedBanks(getLocale());
        long files = problems.stream().map(BankFileProblem::file).distinct().count();
        rejected.setSummaryText(getTranslation("quiz.list.rejected", String.valueOf(files),
                String.valueOf(problems.size())));
        rejected.getElement().getClassList().set("has-problems", !problems.isEmpty());
        rejectedList.removeAll();
        if (problems.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("quiz.list.rejected.none"));
            none.addClassName("mingze-empty");
            rejectedList.add(none);
        }
        for (BankFileProblem p : problems) {
            Div row = new Div();
            row.addClassName("mingze-qbank-problem");
            Span where = new Span(p.file() + ":" + p.line());
            where.addClassName("mingze-qbank-problem-where");
            row.add(where);
            if (p.questionId() != null) {
                row.add(badge(p.questionId(), "badge small"));
            }
            Paragraph why = new Paragraph(p.message());
            why.addClassName("mingze-qbank-problem-why");
            row.add(why);
            rejectedList.add(row);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.questions");
    }
}
