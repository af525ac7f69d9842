package org.mingze.quiz.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mingze.base.validation.Problem;
import org.mingze.quiz.AnswerKey;
import org.mingze.quiz.Question;
import org.mingze.quiz.QuestionType;
import org.mingze.quiz.SourceChoice;
import org.mingze.quiz.internal.QuestionValidator;

/**
 * The fields of one question, adapted to its type: options with a "correct" mark each (a radio mark for single
 * choice, a check box for multiple choice), 正确/错误 for a judge question, one answer field per blank of a fill-in
 * stem, a reference answer for an essay; then explanation, source, tags, category, difficulty and points. It turns
 * the fields into a draft {@link Question} and shows a save's {@link Problem}s on the fields they concern. It talks to
 * no service: the editor gives it the choices and does the checking and saving.
 */
class QuestionForm extends Div {

    /** How the answers of one blank are separated: "党委书记|书记" (the full-width bar too). */
    static final Pattern ALTERNATIVES = Pattern.compile("[|｜]");
    /** The blank fields a stem gets at most: the validator says when there are too many. */
    private static final int MAX_BLANK_FIELDS = 20;
    private static final int NEW_OPTIONS = 4;

    private final boolean creating;
    private final List<Runnable> listeners = new ArrayList<>();

    final ComboBox<String> bank = new ComboBox<>();
    final TextField id = new TextField();
    final Select<QuestionType> type = new Select<>();
    final TextArea stem = new TextArea();
    final Button insertBlank;
    /** Where the editor puts its near-duplicate warning, right under the stem. */
    final Div stemNotes = new Div();
    final FieldBox options;
    final List<OptionRow> rows = new ArrayList<>();
    final Button addOption;
    final RadioButtonGroup<Boolean> judge = new RadioButtonGroup<>();
    final FieldBox blanks;
    final List<TextField> blankAnswers = new ArrayList<>();
    private final List<TextField> stashedBlanks = new ArrayList<>();
    private final Paragraph noBlank = new Paragraph();
    final TextArea reference = new TextArea();
    final TextArea explanation = new TextArea();
    final ComboBox<String> source = new ComboBox<>();
    final MultiSelectComboBox<String> tags = new MultiSelectComboBox<>();
    final ComboBox<String> category = new ComboBox<>();
    final Select<Integer> difficulty = new Select<>();
    final BigDecimalField points = new BigDecimalField();

    private final Map<String, String> sourceLabels = new LinkedHashMap<>();
    private final Set<String> bankItems = new LinkedHashSet<>();
    private final Set<String> categoryItems = new LinkedHashSet<>();
    private final Set<String> tagItems = new LinkedHashSet<>();
    /** The tags in the order the question had them, so that an unchanged question stays unchanged. */
    private List<String> tagOrder = List.of();
    private String questionId;
    private int version;
    private boolean retired;
    private boolean pointsTouched;
    private boolean filling;
    private boolean readOnly;

    QuestionForm(boolean creating, List<String> banks, List<String> categories, List<String> knownTags,
                 List<SourceChoice> sources) {
        this.creating = creating;
        addClassName("mingze-qform");
        bankItems.addAll(banks);
        categoryItems.addAll(categories);
        tagItems.addAll(knownTags);
        sources.forEach(s -> sourceLabels.put(s.value(), s.label()));

        bank.setLabel(getTranslation("quiz.field.bank"));
        bank.setItems(bankItems);
        bank.setAllowCustomValue(true);
        bank.addCustomValueSetListener(e -> bank.setValue(addItem(bankItems, bank, e.getDetail())));
        if (creating) {
            bank.setHelperText(getTranslation("quiz.editor.bank.help-new"));
        }
        bank.setRequiredIndicatorVisible(true);

        id.setLabel(getTranslation("quiz.field.id"));
        id.setHelperText(getTranslation("quiz.editor.id.help"));
        id.setVisible(creating);
        id.setMaxLength(QuestionValidator.MAX_ID);

        type.setLabel(getTranslation("quiz.field.type"));
        type.setItems(QuestionType.values());
        type.setItemLabelGenerator(t -> getTranslation("quiz.type." + t.name()));
        type.setValue(QuestionType.SINGLE);

        stem.setLabel(getTranslation("quiz.field.stem"));
        stem.setRequiredIndicatorVisible(true);
        stem.setValueChangeMode(ValueChangeMode.LAZY);
        stem.setMinHeight("5rem");
        insertBlank = new Button(getTranslation("quiz.editor.insert-blank"), VaadinIcon.PLUS.create(),
                e -> stem.setValue(stem.getValue() + "___"));
        insertBlank.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        insertBlank.addClassName("mingze-qform-insert-blank");
        stemNotes.addClassName("mingze-qform-stem-notes");

        options = new FieldBox(getTranslation("quiz.field.options"));
        options.addClassName("mingze-qform-options");
        addOption = new Button(getTranslation("quiz.editor.add-option"), VaadinIcon.PLUS.create(), e -> {
            addRow("", false);
            fire();
        });
        addOption.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        addOption.addClassName("mingze-qform-add-option");
        options.addBelow(addOption);

        judge.setLabel(getTranslation("quiz.editor.judge"));
        judge.setItems(true, false);
        judge.setItemLabelGenerator(b -> getTranslation(b ? "quiz.judge.true" : "quiz.judge.false"));
        judge.setRequiredIndicatorVisible(true);

        blanks = new FieldBox(getTranslation("quiz.editor.blanks"));
        blanks.addClassName("mingze-qform-blanks");
        blanks.setHelperText(getTranslation("quiz.editor.blanks.help"));
        noBlank.setText(getTranslation("quiz.editor.blanks.none"));
        noBlank.addClassName("mingze-empty");

        reference.setLabel(getTranslation("quiz.editor.reference"));
        reference.setHelperText(getTranslation("quiz.editor.reference.help"));
        reference.setValueChangeMode(ValueChangeMode.LAZY);
        reference.setMinHeight("6rem");

        explanation.setLabel(getTranslation("quiz.field.explanation"));
        explanation.setHelperText(getTranslation("quiz.editor.explanation.help"));
        explanation.setRequiredIndicatorVisible(true);
        explanation.setValueChangeMode(ValueChangeMode.LAZY);
        explanation.setMinHeight("5rem");

        source.setLabel(getTranslation("quiz.field.source"));
        source.setItems(sourceLabels.keySet());
        source.setItemLabelGenerator(v -> sourceLabels.getOrDefault(v, v));
        source.setClearButtonVisible(true);
        source.setPlaceholder(getTranslation("quiz.editor.source.placeholder"));
        source.setHelperText(getTranslation("quiz.editor.source.help"));

        tags.setLabel(getTranslation("quiz.field.tags"));
        tags.setItems(tagItems);
        tags.setAllowCustomValue(true);
        tags.addCustomValueSetListener(e -> {
            Set<String> chosen = new LinkedHashSet<>(tags.getValue());
            String added = addItem(tagItems, tags, e.getDetail());
            if (added != null) {
                chosen.add(added);
            }
            tags.setValue(chosen);
        });
        tags.setHelperText(getTranslation("quiz.editor.tags.help"));
        tags.setRequiredIndicatorVisible(true);

        category.setLabel(getTranslation("quiz.field.category"));
        category.setItems(categoryItems);
        category.setAllowCustomValue(true);
        category.addCustomValueSetListener(e -> category.setValue(addItem(categoryItems, category, e.getDetail())));
        category.setClearButtonVisible(true);

        difficulty.setLabel(getTranslation("quiz.field.difficulty"));
        difficulty.setItems(1, 2, 3, 4, 5);
        difficulty.setItemLabelGenerator(d -> getTranslation("quiz.difficulty." + d));
        difficulty.setValue(QuestionValidator.DEFAULT_DIFFICULTY);

        points.setLabel(getTranslation("quiz.field.points"));
        points.setHelperText(getTranslation("quiz.editor.points.help"));
        points.setRequiredIndicatorVisible(true);

        // our problems, not the fields' own checks, decide what is marked invalid
        targets(true).values().forEach(f -> f.setManualValidation(true));

        Div meta = new Div(category, difficulty, points);
        meta.addClassName("mingze-qform-row");
        Div head = new Div(bank, type);
        head.addClassName("mingze-qform-row");
        add(head, id, stem, insertBlank, stemNotes, options, judge, blanks, reference, explanation, source, tags, meta);

        type.addValueChangeListener(e -> {
            adaptToType();
            fire();
        });
        stem.addValueChangeListener(e -> {
            syncBlanks();
            fire();
        });
        points.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                pointsTouched = true;
            }
            fire();
        });
        for (var field : List.of(bank, category, source)) {
            field.addValueChangeListener(e -> fire());
        }
        judge.addValueChangeListener(e -> fire());
        reference.addValueChangeListener(e -> fire());
        explanation.addValueChangeListener(e -> fire());
        tags.addValueChangeListener(e -> fire());
        difficulty.addValueChangeListener(e -> fire());
        id.addValueChangeListener(e -> fire());

        filling = true;
        for (int i = 0; i < NEW_OPTIONS; i++) {
            addRow("", false);
        }
        adaptToType();
        filling = false;
    }

    /** Adds a typed value to a combo box's items; returns it stripped, or null when blank. */
    private static <C extends com.vaadin.flow.component.combobox.ComboBoxBase<?, String, ?>> String addItem(
            Set<String> items, C box, String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            return null;
        }
        if (items.add(v)) {
            box.setItems(items);
        }
        return v;
    }

    // --- filling and reading ------------------------------------------------------------------------------------

    /** Shows a question (the editor opened it, or it was just saved). */
    void set(Question q) {
        filling = true;
        try {
            questionId = q.id();
            version = q.version();
            retired = q.retired();
            if (q.bank() != null) {
                addItem(bankItems, bank, q.bank());
            }
            bank.setValue(q.bank());
            id.setValue(q.id() == null ? "" : q.id());
            type.setValue(q.type());
            stem.setValue(q.stem() == null ? "" : q.stem());
            rows.forEach(r -> options.content().remove(r));
            rows.clear();
            List<Integer> correct = q.answer() instanceof AnswerKey.Choices c ? c.correct() : List.of();
            for (int i = 0; i < q.options().size(); i++) {
                addRow(q.options().get(i), correct.contains(i));
            }
            judge.setValue(q.answer() instanceof AnswerKey.Judge j ? j.value() : null);
            stashedBlanks.clear();
            blankAnswers.forEach(f -> blanks.content().remove(f));
            blankAnswers.clear();
            syncBlanks();
            if (q.answer() instanceof AnswerKey.Blanks b) {
                for (int i = 0; i < b.accepted().size() && i < blankAnswers.size(); i++) {
                    blankAnswers.get(i).setValue(String.join(" | ", b.accepted().get(i)));
                }
            }
            reference.setValue(q.answer() instanceof AnswerKey.Reference r && r.text() != null ? r.text() : "");
            explanation.setValue(q.explanation() == null ? "" : q.explanation());
            if (q.source() != null && !sourceLabels.containsKey(q.source())) {
                sourceLabels.put(q.source(), q.source());
                source.setItems(sourceLabels.keySet());
            }
            source.setValue(q.source());
            q.tags().forEach(t -> addItem(tagItems, tags, t));
            tagOrder = q.tags();
            tags.setValue(new LinkedHashSet<>(q.tags()));
            if (q.category() != null) {
                addItem(categoryItems, category, q.category());
            }
            category.setValue(q.category());
            difficulty.setValue(q.difficulty() >= 1 && q.difficulty() <= 5 ? q.difficulty() : null);
            points.setValue(q.points());
            pointsTouched = true;
            adaptToType();
        } finally {
            filling = false;
        }
    }

    /** Chooses a bank for a new question (from the list's filter). */
    void setBank(String name) {
        if (name != null && !name.isBlank()) {
            bank.setValue(addItem(bankItems, bank, name));
        }
    }

    /** The question as the fields say now; nothing is checked here. */
    Question draft() {
        QuestionType t = type.getValue() == null ? QuestionType.SINGLE : type.getValue();
        List<String> opts = t.hasOptions() ? rows.stream().map(r -> r.text.getValue()).toList() : List.of();
        AnswerKey answer = switch (t) {
            case SINGLE, MULTIPLE -> new AnswerKey.Choices(correctIndexes());
            case JUDGE -> judge.getValue() == null ? null : new AnswerKey.Judge(judge.getValue());
            case FILL -> new AnswerKey.Blanks(blankAnswers.stream().map(f -> alternatives(f.getValue())).toList());
            case ESSAY -> new AnswerKey.Reference(reference.getValue());
        };
        String theId = creating ? blankToNull(id.getValue()) : questionId;
        return new Question(theId, creating ? 0 : version, bank.getValue(), t, stem.getValue(), opts, answer,
                explanation.getValue(), source.getValue(), orderedTags(), category.getValue(),
                difficulty.getValue() == null ? 0 : difficulty.getValue(), points.getValue(), retired);
    }

    /** The points a question of this type gets unless the editor changes them. */
    BigDecimal defaultPoints() {
        QuestionType t = type.getValue() == null ? QuestionType.SINGLE : type.getValue();
        return QuestionValidator.defaultPoints(t, blankCount(stem.getValue()));
    }

    private List<Integer> correctIndexes() {
        List<Integer> correct = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).correct) {
                correct.add(i);
            }
        }
        return correct;
    }

    /** "党委书记 | 书记" -> [党委书记, 书记]; empty alternatives (a doubled bar) are dropped. */
    static List<String> alternatives(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(ALTERNATIVES.split(text)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The chosen tags: those the question had, in their order, then the added ones in the order chosen. */
    private List<String> orderedTags() {
        Set<String> chosen = tags.getValue();
        List<String> ordered = new ArrayList<>(tagOrder.stream().filter(chosen::contains).toList());
        chosen.stream().filter(t -> !ordered.contains(t)).forEach(ordered::add);
        return ordered;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static int blankCount(String text) {
        Matcher m = Question.BLANK.matcher(text == null ? "" : text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    // --- adapting to the type -----------------------------------------------------------------------------------

    private void adaptToType() {
        QuestionType t = type.getValue() == null ? QuestionType.SINGLE : type.getValue();
        options.setVisible(t.hasOptions());
        judge.setVisible(t == QuestionType.JUDGE);
        blanks.setVisible(t == QuestionType.FILL);
        insertBlank.setVisible(t == QuestionType.FILL && !readOnly);
        reference.setVisible(t == QuestionType.ESSAY);
        stem.setHelperText(t == QuestionType.FILL ? getTranslation("quiz.editor.stem.fill-help") : null);
        if (t.hasOptions()) {
            if (rows.size() < QuestionValidator.MIN_OPTIONS) {
                while (rows.size() < NEW_OPTIONS) {
                    addRow("", false);
                }
            }
            if (t == QuestionType.SINGLE) {
                boolean seen = false;
                for (OptionRow r : rows) {
                    r.correct = r.correct && !seen;
                    seen |= r.correct;
                }
            }
            options.setHelperText(getTranslation(t == QuestionType.SINGLE ? "quiz.editor.options.single-help"
                    : "quiz.editor.options.multiple-help"));
        }
        rows.forEach(OptionRow::refresh);
        syncBlanks();
        if (!pointsTouched) {
            points.setValue(defaultPoints());
        }
    }

    /** One answer field per blank of the stem; fields of blanks that go away keep their text for when they return. */
    private void syncBlanks() {
        int n = Math.min(MAX_BLANK_FIELDS, blankCount(stem.getValue()));
        while (blankAnswers.size() > n) {
            TextField f = blankAnswers.remove(blankAnswers.size() - 1);
            blanks.content().remove(f);
            stashedBlanks.add(0, f);
        }
        while (blankAnswers.size() < n) {
            TextField f = stashedBlanks.isEmpty() ? newBlankField() : stashedBlanks.remove(0);
            f.setLabel(getTranslation("quiz.editor.blank", blankAnswers.size() + 1));
            blankAnswers.add(f);
            blanks.content().add(f);
        }
        if (n == 0) {
            blanks.content().addComponentAsFirst(noBlank);
        } else {
            blanks.content().remove(noBlank);
        }
        if (!pointsTouched && type.getValue() == QuestionType.FILL && !filling) {
            points.setValue(defaultPoints());
        }
    }

    private TextField newBlankField() {
        TextField f = new TextField();
        f.setWidthFull();
        f.setPlaceholder(getTranslation("quiz.editor.blank.placeholder"));
        f.setValueChangeMode(ValueChangeMode.LAZY);
        f.setReadOnly(readOnly);
        f.addValueChangeListener(e -> fire());
        return f;
    }

    // --- options ------------------------------------------------------------------------------------------------

    private void addRow(String text, boolean correct) {
        if (rows.size() >= Question.MAX_OPTIONS) {
            return;
        }
        OptionRow row = new OptionRow(text, correct);
        rows.add(row);
        options.content().add(row);
        relabel();
    }

    private void removeRow(OptionRow row) {
        if (rows.size() <= QuestionValidator.MIN_OPTIONS) {
            return;
        }
        rows.remove(row);
        options.content().remove(row);
        relabel();
        fire();
    }

    private void relabel() {
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).label(i);
        }
        addOption.setVisible(!readOnly && rows.size() < Question.MAX_OPTIONS);
    }

    /** Marks one option as the only correct one (single choice). */
    private void markOnly(OptionRow chosen) {
        rows.forEach(r -> {
            r.correct = r == chosen;
            r.refresh();
        });
        fire();
    }

    /** One option: its text, its "correct" mark and a button that removes it. */
    final class OptionRow extends Div {
        final TextField text = new TextField();
        /** Single choice: a radio mark; only one row's mark is on. */
        final RadioButtonGroup<Boolean> one = new RadioButtonGroup<>();
        /** Multiple choice: a check box per row. */
        final Checkbox many = new Checkbox();
        final Button remove = new Button(VaadinIcon.CLOSE_SMALL.create());
        boolean correct;

        OptionRow(String value, boolean correct) {
            this.correct = correct;
            addClassName("mingze-qform-option");
            text.setValue(value);
            text.setValueChangeMode(ValueChangeMode.LAZY);
            text.addClassName("mingze-qform-option-text");
            text.setReadOnly(readOnly);
            text.setManualValidation(true);
            text.addValueChangeListener(e -> fire());
            one.setItems(Boolean.TRUE);
            one.setItemLabelGenerator(b -> getTranslation("quiz.editor.correct"));
            one.addClassName("mingze-qform-mark");
            one.addValueChangeListener(e -> {
                if (e.isFromClient() && Boolean.TRUE.equals(e.getValue())) {
                    markOnly(this);
                }
            });
            many.setLabel(getTranslation("quiz.editor.correct"));
            many.addClassName("mingze-qform-mark");
            many.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    this.correct = e.getValue();
                    fire();
                }
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_SMALL);
            remove.addClassName("mingze-qform-remove");
            remove.addClickListener(e -> removeRow(this));
            add(text, one, many, remove);
            refresh();
        }

        void label(int index) {
            String letter = Question.letter(index);
            text.setLabel(getTranslation("quiz.editor.option", letter));
            one.setAriaLabel(getTranslation("quiz.editor.correct-of", letter));
            many.setAriaLabel(getTranslation("quiz.editor.correct-of", letter));
            remove.setAriaLabel(getTranslation("quiz.editor.remove-option", letter));
            remove.setTooltipText(getTranslation("quiz.editor.remove-option", letter));
        }

        /** Shows the mark of the current type and its state. */
        void refresh() {
            boolean single = type.getValue() == QuestionType.SINGLE;
            one.setVisible(single);
            many.setVisible(!single);
            one.setValue(correct ? Boolean.TRUE : null);
            many.setValue(correct);
            one.setReadOnly(readOnly);
            many.setReadOnly(readOnly);
            remove.setVisible(!readOnly);
        }
    }

    // --- problems and read-only ---------------------------------------------------------------------------------

    /** The field (or group) each problem field of {@link QuestionValidator} is shown on, for the current type. */
    Map<String, HasValidation> targets() {
        return targets(false);
    }

    private Map<String, HasValidation> targets(boolean all) {
        Map<String, HasValidation> t = new LinkedHashMap<>();
        if (creating || all) {
            t.put(QuestionValidator.F_ID, id);
        }
        t.put(QuestionValidator.F_BANK, bank);
        t.put(QuestionValidator.F_TYPE, type);
        t.put(QuestionValidator.F_STEM, stem);
        t.put(QuestionValidator.F_OPTIONS, options);
        QuestionType ty = type.getValue() == null ? QuestionType.SINGLE : type.getValue();
        t.put(QuestionValidator.F_ANSWER, switch (ty) {
            case SINGLE, MULTIPLE -> options;
            case JUDGE -> judge;
            case FILL -> blanks;
            case ESSAY -> reference;
        });
        t.put(QuestionValidator.F_EXPLANATION, explanation);
        t.put(QuestionValidator.F_SOURCE, source);
        t.put(QuestionValidator.F_TAGS, tags);
        t.put(QuestionValidator.F_CATEGORY, category);
        t.put(QuestionValidator.F_DIFFICULTY, difficulty);
        t.put(QuestionValidator.F_POINTS, points);
        if (all) {
            t.put("judge", judge);
            t.put("blanks", blanks);
            t.put("reference", reference);
        }
        return t;
    }

    /**
     * Shows each problem on its field (several on one field one after the other) and returns the texts of those that
     * concern no field of the form (a stale version, an id when editing), for the editor to show otherwise.
     */
    List<String> showProblems(List<Problem> problems) {
        clearProblems();
        Map<String, HasValidation> targets = targets();
        Map<HasValidation, List<String>> placed = new LinkedHashMap<>();
        List<String> other = new ArrayList<>();
        for (Problem p : problems) {
            String text = getTranslation(p.key(), p.args().toArray());
            HasValidation field = targets.get(p.field());
            if (field == null || (field instanceof Component c && !c.isVisible())) {
                other.add(text);
            } else {
                placed.computeIfAbsent(field, f -> new ArrayList<>()).add(text);
            }
        }
        placed.forEach((field, texts) -> {
            field.setErrorMessage(String.join(" ", new LinkedHashSet<>(texts)));
            field.setInvalid(true);
        });
        return other;
    }

    /** The first field marked invalid, in the order of the form, to scroll to. */
    Component firstInvalid() {
        return targets().values().stream().filter(HasValidation::isInvalid).map(f -> (Component) f).findFirst()
                .orElse(null);
    }

    void clearProblems() {
        targets(true).values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
    }

    void setReadOnly(boolean value) {
        readOnly = value;
        bank.setReadOnly(value);
        id.setReadOnly(value);
        type.setReadOnly(value);
        stem.setReadOnly(value);
        judge.setReadOnly(value);
        blankAnswers.forEach(f -> f.setReadOnly(value));
        reference.setReadOnly(value);
        explanation.setReadOnly(value);
        source.setReadOnly(value);
        tags.setReadOnly(value);
        category.setReadOnly(value);
        difficulty.setReadOnly(value);
        points.setReadOnly(value);
        rows.forEach(r -> {
            r.text.setReadOnly(value);
            r.refresh();
        });
        insertBlank.setVisible(!value && type.getValue() == QuestionType.FILL);
        addOption.setVisible(!value && rows.size() < Question.MAX_OPTIONS);
        category.setClearButtonVisible(!value);
        source.setClearButtonVisible(!value);
    }

    /** Called after any change of a field (not while the form is being filled). */
    void addChangeListener(Runnable listener) {
        listeners.add(listener);
    }

    private void fire() {
        if (!filling) {
            listeners.forEach(Runnable::run);
        }
    }
}
