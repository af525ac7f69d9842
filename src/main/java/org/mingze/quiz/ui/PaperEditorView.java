package org.mingze.quiz.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.security.Role;
import org.mingze.base.security.Roles;
import org.mingze.base.ui.FormErrors;
import org.mingze.base.validation.ValidationException;
import org.mingze.org.OrgService;
import org.mingze.org.UnitNode;
import org.mingze.quiz.BankSummary;
import org.mingze.quiz.QuestionFilter;
import org.mingze.quiz.QuestionRow;
import org.mingze.quiz.QuestionService;
import org.mingze.quiz.QuestionType;
import org.mingze.quiz.exam.DrawMode;
import org.mingze.quiz.exam.DrawSection;
import org.mingze.quiz.exam.FixedItem;
import org.mingze.quiz.exam.Paper;
import org.mingze.quiz.exam.PaperDraft;
import org.mingze.quiz.exam.PaperKind;
import org.mingze.quiz.exam.PaperService;
import org.springframework.security.access.AccessDeniedException;

/**
 * 试卷编辑: a fixed paper (questions picked from the bank by search and filters, points each) or a paper drawn by
 * sections (banks, tags, types, difficulty, how many, points each). Each section shows how many questions fit it on
 * its own, and a section asking for more than fit is refused before the server is asked (which checks again, counting
 * what earlier sections take). The total is shown as the paper changes. Auditors see the paper read-only.
 */
@Route("exams/paper")
@RolesAllowed({Roles.ORGANIZER, Roles.ADMIN, Roles.AUDITOR})
class PaperEditorView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    static final int SEARCH_SIZE = 20;

    private final PaperService papers;
    private final QuestionService questions;
    private final OrgService org;
    private final boolean canManage = CurrentUser.has(Role.ORGANIZER) || CurrentUser.has(Role.ADMIN);

    // made afresh for each navigation: the router reuses this view from "new" to the saved paper's address
    TextField title;
    ComboBox<UnitNode> owner;
    RadioButtonGroup<PaperKind> kind;
    RadioButtonGroup<DrawMode> drawMode;
    FieldBox items;
    FieldBox sections;
    Span total;
    Button save;
    // fixed: the search
    TextField search;
    ComboBox<String> bank;
    Select<QuestionType> type;
    Div found;
    private Div filters;
    private Div fixedPart;
    final List<ItemRow> chosen = new ArrayList<>();
    final List<SectionRow> rules = new ArrayList<>();
    private Paper current;

    PaperEditorView(PaperService papers, QuestionService questions, OrgService org) {
        this.papers = papers;
        this.questions = questions;
        this.org = org;
        addClassName("mingze-paper-editor");
    }

    private void fresh() {
        title = new TextField();
        owner = new ComboBox<>();
        kind = new RadioButtonGroup<>();
        drawMode = new RadioButtonGroup<>();
        items = new FieldBox(getTranslation("exam.admin.paper.items"));
        sections = new FieldBox(getTranslation("exam.admin.paper.sections"));
        total = new Span();
        save = new Button();
        search = new TextField();
        bank = new ComboBox<>();
        type = new Select<>();
        found = new Div();
        filters = new Div();
        fixedPart = new Div();
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter Long paperId) {
        removeAll();
        fresh();
        chosen.clear();
        rules.clear();
        current = null;
        if (paperId != null) {
            current = papers.get(paperId).orElse(null);
            if (current == null) {
                add(new H2(getTranslation("exam.admin.paper.missing")),
                        new RouterLink(getTranslation("exam.admin.back"), ExamAdminView.class));
                return;
            }
        }
        build();
    }

    private void build() {
        add(new RouterLink(getTranslation("exam.admin.back"), ExamAdminView.class),
                new H2(getTranslation(current == null ? "exam.admin.paper.new" : "exam.admin.paper.edit")));
        title.setLabel(getTranslation("exam.admin.paper.title"));
        title.setRequired(true);
        title.setMaxLength(200);
        title.setWidthFull();
        owner.setLabel(getTranslation("exam.admin.owner"));
        owner.setItemLabelGenerator(UnitNode::name);
        List<UnitNode> units = canManage ? org.manageableUnits() : List.of();
        owner.setItems(units);
        owner.setWidthFull();
        kind.setLabel(getTranslation("exam.admin.paper.kind"));
        kind.setItems(PaperKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("exam.paper-kind." + k.name()));
        drawMode.setLabel(getTranslation("exam.admin.paper.draw-mode"));
        drawMode.setItems(DrawMode.values());
        drawMode.setItemLabelGenerator(m -> getTranslation(m.labelKey()));
        total.addClassName("mingze-paper-total");
        add(title, owner, kind, drawMode, fixedPart(), sections, total);

        Button addSection = new Button(getTranslation("exam.admin.paper.add-section"), VaadinIcon.PLUS.create(),
                e -> addSection(null));
        addSection.addClassName("mingze-paper-add-section");
        sections.addBelow(addSection);
        addSection.setVisible(!locked());

        save.setText(getTranslation("common.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClassName("mingze-paper-save");
        save.addClickListener(e -> save());
        save.setVisible(canManage);
        add(save);

        if (current == null) {
            kind.setValue(PaperKind.DRAWN);
            drawMode.setValue(DrawMode.PER_ATTEMPT);
            if (!units.isEmpty()) {
                owner.setValue(units.get(0));
            }
            addSection(null);
        } else {
            title.setValue(current.title());
            org.unit(current.ownerUnitId()).ifPresent(u -> {
                if (units.stream().noneMatch(x -> x.id() == u.id())) {
                    owner.setItems(List.of(u));
                }
                owner.setValue(u);
            });
            owner.setReadOnly(true);
            kind.setValue(current.kind());
            drawMode.setValue(current.drawMode() == null ? DrawMode.PER_ATTEMPT : current.drawMode());
            current.items().forEach(i -> addItem(i.questionId(), i.stem(), i.type(), i.points()));
            current.sections().forEach(this::addSection);
            if (current.inUse()) {
                Paragraph locked = new Paragraph(getTranslation("exam.admin.paper.in-use"));
                locked.addClassName("mingze-paper-locked");
                addComponentAtIndex(2, locked);
            }
        }
        kind.addValueChangeListener(e -> showKind());
        showKind();
        if (!canManage || current != null && current.inUse()) {
            title.setReadOnly(true);
            kind.setReadOnly(true);
            drawMode.setReadOnly(true);
            save.setVisible(false);
        }
    }

    private Div fixedPart() {
        fixedPart.removeAll();
        fixedPart.addClassName("mingze-paper-fixed");
        search.setLabel(getTranslation("exam.admin.paper.search"));
        search.setClearButtonVisible(true);
        search.addValueChangeListener(e -> runSearch());
        bank.setLabel(getTranslation("exam.admin.paper.bank"));
        bank.setItems(bankNames());
        bank.setClearButtonVisible(true);
        bank.addValueChangeListener(e -> runSearch());
        type.setLabel(getTranslation("exam.admin.paper.type"));
        type.setEmptySelectionAllowed(true);
        type.setEmptySelectionCaption(getTranslation("exam.admin.any"));
        type.setItems(QuestionType.values());
        type.setItemLabelGenerator(t -> t == null ? getTranslation("exam.admin.any")
                : getTranslation("quiz.type." + t.name()));
        type.addValueChangeListener(e -> runSearch());
        filters.add(search, bank, type);
        filters.addClassName("mingze-paper-filters");
        found.addClassName("mingze-paper-found");
        items.content().addClassName("mingze-paper-items");
        fixedPart.add(items, filters, found);
        return fixedPart;
    }

    /** Auditors read; a paper that has been used cannot change. */
    boolean locked() {
        return !canManage || current != null && current.inUse();
    }

    private void showKind() {
        boolean drawn = kind.getValue() == PaperKind.DRAWN;
        fixedPart.setVisible(!drawn);
        sections.setVisible(drawn);
        drawMode.setVisible(drawn);
        filters.setVisible(!locked());
        found.setVisible(!locked());
        if (!drawn && !locked()) {
            runSearch();
        }
        updateTotal();
    }

    void runSearch() {
        found.removeAll();
        QuestionFilter f = QuestionFilter.all().withBank(bank.getValue()).withType(type.getValue())
                .withText(search.getValue() == null || search.getValue().isBlank() ? null : search.getValue());
        for (QuestionRow q : questions.search(f, 0, SEARCH_SIZE).rows()) {
            Div row = new Div();
            row.addClassName("mingze-paper-found-row");
            Span stem = new Span(getTranslation("quiz.type." + q.type().name()) + " · " + q.stem());
            stem.addClassName("mingze-paper-stem");
            Button add = new Button(getTranslation("exam.admin.paper.add"), e -> {
                addItem(q.id(), q.stem(), q.type(), null);
                updateTotal();
            });
            add.addThemeVariants(ButtonVariant.LUMO_SMALL);
            add.addClassName("mingze-paper-add");
            add.setEnabled(chosen.stream().noneMatch(c -> c.questionId.equals(q.id())));
            row.add(stem, add);
            found.add(row);
        }
    }

    /** The banks' names, read once per page (every rule and the search use them). */
    private List<String> bankNames() {
        if (bankNames == null) {
            bankNames = questions.banks().stream().map(BankSummary::name).toList();
        }
        return bankNames;
    }

    /** The tags in use, read once per page. */
    private List<String> tagNames() {
        if (tagNames == null) {
            tagNames = questions.tags();
        }
        return tagNames;
    }

    private List<String> bankNames;
    private List<String> tagNames;

    /** A chosen question of a fixed paper. */
    final class ItemRow extends Div {
        final String questionId;
        final BigDecimalField points = new BigDecimalField();
        /** The question's own points, read once when first needed (the total counts them for an empty field). */
        private BigDecimal defaultPoints;

        BigDecimal defaultPoints() {
            if (defaultPoints == null) {
                defaultPoints = questions.get(questionId).map(q -> q.points()).orElse(BigDecimal.ZERO);
            }
            return defaultPoints;
        }

        ItemRow(String questionId, String stemText, QuestionType questionType, BigDecimal value) {
            this.questionId = questionId;
            addClassName("mingze-paper-item");
            Span stem = new Span(getTranslation("quiz.type." + questionType.name()) + " · " + stemText);
            stem.addClassName("mingze-paper-stem");
            points.setLabel(getTranslation("exam.admin.paper.points"));
            points.setValue(value);
            points.setPlaceholder(getTranslation("exam.admin.paper.points-default"));
            points.addValueChangeListener(e -> updateTotal());
            points.addClassName("mingze-paper-points");
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                chosen.remove(this);
                items.content().remove(this);
                updateTotal();
                runSearch();
            });
            remove.getElement().setAttribute("aria-label", getTranslation("exam.admin.paper.remove"));
            boolean locked = locked();
            points.setReadOnly(locked);
            remove.setVisible(!locked);
            add(stem, points, remove);
        }
    }

    void addItem(String questionId, String stem, QuestionType questionType, BigDecimal points) {
        ItemRow row = new ItemRow(questionId, stem, questionType, points);
        chosen.add(row);
        items.content().add(row);
        if (!locked()) {
            runSearch();
        }
    }

    /** A rule of a drawn paper with how many questions fit it. */
    final class SectionRow extends Div {
        final TextField name = new TextField();
        final MultiSelectComboBox<String> banks = new MultiSelectComboBox<>();
        final MultiSelectComboBox<String> tags = new MultiSelectComboBox<>();
        final MultiSelectComboBox<QuestionType> types = new MultiSelectComboBox<>();
        final IntegerField minDifficulty = new IntegerField();
        final IntegerField maxDifficulty = new IntegerField();
        final IntegerField count = new IntegerField();
        final BigDecimalField points = new BigDecimalField();
        final Span fits = new Span();
        long available;

        SectionRow(DrawSection s) {
            addClassName("mingze-paper-section");
            name.setLabel(getTranslation("exam.admin.section.title"));
            banks.setLabel(getTranslation("exam.admin.section.banks"));
            banks.setItems(bankNames());
            tags.setLabel(getTranslation("exam.admin.section.tags"));
            tags.setItems(tagNames());
            types.setLabel(getTranslation("exam.admin.section.types"));
            types.setItems(QuestionType.values());
            types.setItemLabelGenerator(t -> getTranslation("quiz.type." + t.name()));
            minDifficulty.setLabel(getTranslation("exam.admin.section.min-difficulty"));
            maxDifficulty.setLabel(getTranslation("exam.admin.section.max-difficulty"));
            for (IntegerField f : List.of(minDifficulty, maxDifficulty)) {
                f.setMin(1);
                f.setMax(5);
                f.setStepButtonsVisible(true);
            }
            count.setLabel(getTranslation("exam.admin.section.count"));
            count.setMin(1);
            count.setStepButtonsVisible(true);
            points.setLabel(getTranslation("exam.admin.section.points"));
            fits.addClassName("mingze-paper-fits");
            name.setValue(s == null || s.title() == null ? "" : s.title());
            if (s != null) {
                banks.setValue(new LinkedHashSet<>(s.banks()));
                tags.setValue(new LinkedHashSet<>(s.tags()));
                types.setValue(new LinkedHashSet<>(s.types()));
            }
            minDifficulty.setValue(s == null ? 1 : s.minDifficulty());
            maxDifficulty.setValue(s == null ? 5 : s.maxDifficulty());
            count.setValue(s == null ? 10 : s.count());
            points.setValue(s == null ? BigDecimal.valueOf(2) : s.pointsEach());
            banks.addValueChangeListener(e -> refresh());
            tags.addValueChangeListener(e -> refresh());
            types.addValueChangeListener(e -> refresh());
            minDifficulty.addValueChangeListener(e -> refresh());
            maxDifficulty.addValueChangeListener(e -> refresh());
            count.addValueChangeListener(e -> refresh());
            points.addValueChangeListener(e -> updateTotal());
            Button remove = new Button(getTranslation("exam.admin.section.remove"), VaadinIcon.TRASH.create(),
                    e -> {
                        rules.remove(this);
                        sections.content().remove(this);
                        updateTotal();
                    });
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            Div difficulty = new Div(minDifficulty, maxDifficulty);
            difficulty.addClassName("mingze-paper-pair");
            Div amount = new Div(count, points);
            amount.addClassName("mingze-paper-pair");
            add(name, banks, tags, types, difficulty, amount, fits, remove);
            boolean locked = locked();
            for (var f : List.<com.vaadin.flow.component.HasValue<?, ?>>of(name, banks, tags, types, minDifficulty,
                    maxDifficulty, count, points)) {
                f.setReadOnly(locked);
            }
            remove.setVisible(!locked);
        }

        DrawSection section() {
            return new DrawSection(name.getValue(), List.copyOf(banks.getValue()), List.copyOf(tags.getValue()),
                    List.copyOf(types.getValue()), minDifficulty.getValue() == null ? 1 : minDifficulty.getValue(),
                    maxDifficulty.getValue() == null ? 5 : maxDifficulty.getValue(),
                    count.getValue() == null ? 0 : count.getValue(), points.getValue());
        }

        /** Asks the server how many questions fit and marks a count above that at once. */
        void refresh() {
            available = canManage ? papers.available(section()) : 0;
            fits.setText(getTranslation("exam.admin.section.fits", available));
            fits.getElement().getClassList().set("short", tooMany());
            if (tooMany()) {
                count.setErrorMessage(getTranslation("exam.admin.section.too-many", available));
                count.setInvalid(true);
            } else {
                count.setInvalid(false);
            }
            updateTotal();
        }

        boolean tooMany() {
            return canManage && count.getValue() != null && count.getValue() > available;
        }
    }

    void addSection(DrawSection s) {
        SectionRow row = new SectionRow(s);
        rules.add(row);
        sections.content().add(row);
        row.refresh();
    }

    BigDecimal totalPoints() {
        BigDecimal sum = BigDecimal.ZERO;
        if (kind.getValue() == PaperKind.DRAWN) {
            for (SectionRow r : rules) {
                if (r.points.getValue() != null && r.count.getValue() != null) {
                    sum = sum.add(r.points.getValue().multiply(BigDecimal.valueOf(r.count.getValue())));
                }
            }
        } else {
            for (ItemRow r : chosen) {
                if (r.points.getValue() != null) {
                    sum = sum.add(r.points.getValue());
                } else {
                    sum = sum.add(r.defaultPoints());
                }
            }
        }
        return sum;
    }

    void updateTotal() {
        int n = kind.getValue() == PaperKind.DRAWN
                ? rules.stream().mapToInt(r -> r.count.getValue() == null ? 0 : r.count.getValue()).sum()
                : chosen.size();
        total.setText(getTranslation("exam.admin.paper.total", n, ExamAdminView.plain(totalPoints())));
    }

    PaperDraft draft() {
        if (kind.getValue() == PaperKind.FIXED) {
            return PaperDraft.fixed(title.getValue(),
                    chosen.stream().map(r -> new FixedItem(r.questionId, r.points.getValue())).toList());
        }
        return PaperDraft.drawn(title.getValue(), drawMode.getValue(),
                rules.stream().map(SectionRow::section).toList());
    }

    void save() {
        title.setInvalid(false);
        items.setInvalid(false);
        sections.setInvalid(false);
        if (kind.getValue() == PaperKind.DRAWN) {
            List<String> refused = new ArrayList<>();
            for (int i = 0; i < rules.size(); i++) {
                SectionRow r = rules.get(i);
                r.refresh();
                if (r.tooMany()) {
                    refused.add(getTranslation("exam.paper.error.unfillable", i + 1, r.name.getValue(), r.available,
                            r.count.getValue()));
                }
            }
            if (!refused.isEmpty()) {
                sections.setErrorMessage(String.join(" ", refused));
                sections.setInvalid(true);
                error(String.join("\n", refused));
                return;
            }
        }
        if (current == null && owner.getValue() == null) {
            owner.setErrorMessage(getTranslation("exam.admin.owner-required"));
            owner.setInvalid(true);
            return;
        }
        try {
            Paper saved = current == null ? papers.create(owner.getValue().id(), draft())
                    : papers.update(current.id(), draft());
            Notification.show(getTranslation("exam.admin.paper.saved", saved.title(), saved.questionCount(),
                            ExamAdminView.plain(saved.maxPoints())), 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            UI.getCurrent().navigate(PaperEditorView.class, saved.id());
        } catch (ValidationException ex) {
            FormErrors.show(ex, Map.of("title", title, "kind", kind, "items", items, "sections", sections,
                    "paper", title), this);
        } catch (AccessDeniedException ex) {
            error(getTranslation("exam.admin.denied"));
        }
    }

    private void error(String text) {
        Notification.show(text, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return current == null ? getTranslation("exam.admin.paper.new") : current.title();
    }
}
