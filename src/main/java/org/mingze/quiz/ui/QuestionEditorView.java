package org.mingze.quiz.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.mingze.base.i18n.Formats;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.security.Role;
import org.mingze.base.security.Roles;
import org.mingze.base.validation.Problem;
import org.mingze.base.validation.ValidationException;
import org.mingze.quiz.BankSummary;
import org.mingze.quiz.Question;
import org.mingze.quiz.QuestionService;
import org.mingze.quiz.QuestionVersionInfo;
import org.mingze.quiz.ShownQuestion;
import org.mingze.quiz.SimilarQuestion;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * One question of the bank: {@code quiz/questions/<id>} edits it, {@code quiz/questions/new} (optionally
 * {@code ?bank=}) creates one. The form adapts to the type; beside it (below it on a phone) a live preview shows the
 * question exactly as a learner sees it, and on request the feedback a learner gets after answering. Before sending,
 * the draft is checked with the service's own rules ({@link QuestionService#check}); {@link QuestionService#save}
 * checks again and stays the authority. A stem nearly the same as another question's brings a warning (never a
 * block). Retire and restore ask first; the version history names who saved which version and which is current.
 * Auditors see everything read-only.
 */
@Route("quiz/questions/:" + QuestionEditorView.ID)
@RolesAllowed({Roles.ORGANIZER, Roles.ADMIN, Roles.AUDITOR})
class QuestionEditorView extends VerticalLayout implements BeforeEnterObserver, BeforeLeaveObserver,
        HasDynamicTitle {

    static final String ID = "id";
    /** The id segment that creates a question. */
    static final String NEW = "new";
    /** The editor's address of a question is this and its id (cards, search hits and warnings link there). */
    static final String ROUTE_PREFIX = "quiz/questions/";

    private final QuestionService questions;
    private final boolean canEdit = CurrentUser.has(Role.ORGANIZER) || CurrentUser.has(Role.ADMIN);

    QuestionForm form;
    final Div similar = new Div();
    final Checkbox showFeedback = new Checkbox();
    private final Div previewHolder = new Div();
    QuestionCard card;
    Button save;
    Details history;
    /** The question as stored when the editor opened it (or last saved it); null while creating. */
    private Question current;
    /** After a first attempt to save, problems are shown again as the fields change. */
    private boolean triedToSave;
    /** The draft as the form showed it when opened: leaving with another draft asks first. */
    private Question baseline;
    private String title = "";

    QuestionEditorView(QuestionService questions) {
        this.questions = questions;
        addClassName("mingze-qeditor");
        similar.addClassName("mingze-qeditor-similar");
        previewHolder.addClassName("mingze-qeditor-preview-card");
        showFeedback.setLabel(getTranslation("quiz.editor.preview.feedback"));
        showFeedback.addValueChangeListener(e -> refreshPreview());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get(ID).orElse(NEW);
        String bank = event.getLocation().getQueryParameters().getSingleParameter("bank").orElse(null);
        load(id, bank);
    }

    /** Builds the page for a question (or a new one) afresh. */
    private void load(String id, String bank) {
        removeAll();
        current = null;
        baseline = null;
        triedToSave = false;
        form = null;
        card = null;
        save = null;
        history = null;
        showFeedback.setValue(false);
        add(back());
        boolean creating = NEW.equals(id);
        if (creating && !canEdit) {
            title = getTranslation("quiz.editor.new");
            add(new H2(title), note(getTranslation("quiz.editor.read-only-new"), "mingze-qeditor-note"));
            return;
        }
        if (!creating) {
            current = questions.get(id).orElse(null);
            if (current == null) {
                title = getTranslation("quiz.editor.not-found.title");
                add(new H2(title), note(getTranslation("quiz.editor.not-found", id), "mingze-qeditor-note"));
                return;
            }
        }
        form = new QuestionForm(creating, questions.banks().stream().map(BankSummary::name).toList(),
                questions.categories(), questions.tags(), questions.sourceChoices());
        if (current != null) {
            form.set(current);
        } else {
            form.setBank(bank);
        }
        form.setReadOnly(!canEdit);
        form.stemNotes.add(similar);
        form.stem.addValueChangeListener(e -> refreshSimilar());
        form.addChangeListener(this::formChanged);

        title = creating ? getTranslation("quiz.editor.new") : getTranslation("quiz.editor.edit", current.id());
        add(header());
        if (!canEdit) {
            add(note(getTranslation("quiz.editor.read-only"), "mingze-qeditor-note"));
        }
        Div formColumn = new Div(form);
        formColumn.addClassName("mingze-qeditor-form");
        Div previewColumn = new Div(previewTitle(), showFeedback, previewHolder);
        previewColumn.addClassName("mingze-qeditor-preview");
        Div body = new Div(formColumn, previewColumn);
        body.addClassName("mingze-qeditor-body");
        add(body);
        if (canEdit) {
            add(actions());
        }
        if (current != null) {
            add(history());
        }
        refreshSimilar();
        refreshPreview();
        baseline = form.draft();
    }

    /** Leaving with unsaved changes asks first; nothing is saved by leaving. */
    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (form == null || !canEdit || baseline == null || form.draft().equals(baseline)) {
            return;
        }
        BeforeLeaveEvent.ContinueNavigationAction action = event.postpone();
        ConfirmDialog d = new ConfirmDialog(getTranslation("quiz.editor.leave.title"),
                getTranslation("quiz.editor.leave.text"), getTranslation("quiz.editor.leave.confirm"), e -> {
                    baseline = null;
                    action.proceed();
                });
        d.setCancelable(true);
        d.setCancelText(getTranslation("quiz.editor.leave.stay"));
        d.setConfirmButtonTheme("error primary");
        d.addClassName("mingze-qeditor-leave");
        d.open();
    }

    private Component back() {
        RouterLink back = new RouterLink(getTranslation("quiz.editor.back"), QuestionListView.class);
        String query = QuestionListView.lastQuery();
        if (!query.isEmpty()) {
            back.setQueryParameters(QueryParameters.fromString(query));
        }
        back.addClassName("mingze-qeditor-back");
        return back;
    }

    private static Paragraph note(String text, String className) {
        Paragraph p = new Paragraph(text);
        p.addClassName(className);
        return p;
    }

    private Component header() {
        H2 heading = new H2(title);
        heading.addClassName("mingze-qeditor-title");
        Div meta = new Div();
        meta.addClassName("mingze-material-meta");
        if (current != null) {
            meta.add(new Span(current.bank()));
            meta.add(new Span(getTranslation("quiz.version", String.valueOf(current.version()))));
            if (current.retired()) {
                Span retired = new Span(getTranslation("quiz.retired"));
                retired.getElement().getThemeList().add("badge contrast small");
                retired.addClassName("mingze-qeditor-retired");
                meta.add(retired);
            }
        }
        Div box = new Div(heading, meta);
        if (current != null && current.retired()) {
            box.add(note(getTranslation("quiz.editor.retired-note"), "mingze-qeditor-note"));
        }
        return box;
    }

    private Component previewTitle() {
        H3 h = new H3(getTranslation("quiz.editor.preview"));
        Paragraph hint = note(getTranslation("quiz.editor.preview.hint"), "mingze-qeditor-preview-hint");
        return new Div(h, hint);
    }

    private Component actions() {
        Div bar = new Div();
        bar.addClassName("mingze-qeditor-actions");
        save = new Button(getTranslation("common.save"), VaadinIcon.CHECK.create(), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClassName("mingze-qeditor-save");
        bar.add(save);
        if (current != null) {
            Button toggle = current.retired()
                    ? new Button(getTranslation("quiz.editor.restore"), VaadinIcon.ARROW_BACKWARD.create(),
                            e -> confirmRetired(false))
                    : new Button(getTranslation("quiz.editor.retire"), VaadinIcon.BAN.create(),
                            e -> confirmRetired(true));
            if (!current.retired()) {
                toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
            }
            toggle.addClassName("mingze-qeditor-retire");
            bar.add(toggle);
        }
        return bar;
    }

    // --- live: preview, near-duplicates, problems ---------------------------------------------------------------

    private void formChanged() {
        refreshPreview();
        if (triedToSave) {
            form.showProblems(questions.check(form.draft()));
        }
    }

    /** The draft as the learner will see it; keeps what was answered in the preview while the shape stays. */
    void refreshPreview() {
        if (form == null) {
            return;
        }
        Question draft = previewDraft();
        ShownQuestion shown = ShownQuestion.of(draft);
        QuestionCard before = card;
        card = new QuestionCard(shown, 1);
        if (before != null && sameShape(before.question(), shown)) {
            card.setResponse(before.response());
        }
        previewHolder.removeAll();
        previewHolder.add(card);
        if (showFeedback.getValue()) {
            card.showFeedback(questions.previewFeedback(draft, card.response()));
        }
    }

    private Question previewDraft() {
        Question d = form.draft();
        BigDecimal points = d.points() == null || d.points().signum() <= 0 ? form.defaultPoints() : d.points();
        return new Question(d.id(), d.version(), d.bank(), d.type(), d.stem() == null ? "" : d.stem(), d.options(),
                d.answer(), d.explanation(), d.source(), d.tags(), d.category(), d.difficulty(), points, d.retired());
    }

    private static boolean sameShape(ShownQuestion a, ShownQuestion b) {
        return a.type() == b.type() && a.options().size() == b.options().size() && a.blanks() == b.blanks();
    }

    /** A warning (not a block) naming the questions whose stem is nearly the same, with links to them. */
    void refreshSimilar() {
        similar.removeAll();
        List<SimilarQuestion> found = form == null ? List.of()
                : questions.similarStems(form.stem.getValue(), current == null ? null : current.id());
        similar.setVisible(!found.isEmpty());
        if (found.isEmpty()) {
            return;
        }
        similar.add(note(getTranslation("quiz.editor.similar", String.valueOf(found.size())),
                "mingze-qeditor-similar-title"));
        for (SimilarQuestion s : found) {
            Div row = new Div();
            row.addClassName("mingze-qeditor-similar-row");
            Anchor link = new Anchor(ROUTE_PREFIX + s.id(), s.id());
            link.setTarget(AnchorTarget.BLANK);
            row.add(link, new Span(getTranslation("quiz.editor.similar.row", s.bank(),
                    String.valueOf(Math.round(s.similarity() * 100)), QuestionListView.shorten(s.stem()))));
            if (s.retired()) {
                Span retired = new Span(getTranslation("quiz.retired"));
                retired.getElement().getThemeList().add("badge contrast small");
                row.add(retired);
            }
            similar.add(row);
        }
    }

    // --- saving, retiring ---------------------------------------------------------------------------------------

    private void save() {
        triedToSave = true;
        Question draft = form.draft();
        List<Problem> problems = questions.check(draft);
        if (!problems.isEmpty()) {
            refuse(problems);
            return;
        }
        Question saved;
        try {
            saved = questions.save(draft);
        } catch (ValidationException ex) {
            refuse(ex.problems());
            return;
        } catch (OptimisticLockingFailureException ex) {
            error(getTranslation("quiz.editor.conflict"));
            return;
        }
        form.clearProblems();
        if (current != null && saved.version() == current.version()) {
            notice(getTranslation("quiz.editor.unchanged", String.valueOf(saved.version())));
            return;
        }
        notice(getTranslation("quiz.editor.saved", saved.id(), String.valueOf(saved.version())));
        if (current == null) {
            baseline = null; // saved: nothing to lose by leaving "new"
            UI.getCurrent().navigate(QuestionEditorView.class, new RouteParameters(ID, saved.id()));
        } else {
            load(saved.id(), null);
        }
    }

    /** Problems on their fields; a message says how many, with those that concern no field, and where to look. */
    private void refuse(List<Problem> problems) {
        List<String> other = form.showProblems(problems);
        List<String> lines = new ArrayList<>();
        int placed = problems.size() - other.size();
        if (placed > 0) {
            lines.add(getTranslation("quiz.editor.problems", String.valueOf(placed)));
        }
        lines.addAll(other);
        error(String.join("\n", lines));
        Component first = form.firstInvalid();
        if (first != null) {
            first.scrollIntoView();
        }
    }

    private void confirmRetired(boolean retire) {
        String k = retire ? "retire" : "restore";
        ConfirmDialog d = new ConfirmDialog(getTranslation("quiz.editor." + k + ".title", current.id()),
                getTranslation("quiz.editor." + k + ".text"), getTranslation("quiz.editor." + k),
                e -> setRetired(retire));
        d.setCancelable(true);
        d.setCancelText(getTranslation("common.cancel"));
        if (retire) {
            d.setConfirmButtonTheme("error primary");
        }
        d.open();
    }

    private void setRetired(boolean retire) {
        String id = current.id();
        try {
            if (retire) {
                questions.retire(id);
            } else {
                questions.restore(id);
            }
        } catch (ValidationException ex) {
            refuse(ex.problems());
            return;
        }
        notice(getTranslation(retire ? "quiz.editor.retired" : "quiz.editor.restored", id));
        load(id, null);
    }

    private void notice(String text) {
        Notification n = Notification.show(text, 4000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void error(String text) {
        Notification n = Notification.show(text, 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    // --- history ------------------------------------------------------------------------------------------------

    private Component history() {
        List<QuestionVersionInfo> versions = new ArrayList<>(questions.history(current.id()));
        java.util.Collections.reverse(versions);
        Div rows = new Div();
        rows.addClassName("mingze-qeditor-history");
        for (QuestionVersionInfo v : versions) {
            Div row = new Div();
            row.addClassName("mingze-qeditor-version");
            Span number = new Span(getTranslation("quiz.version", String.valueOf(v.version())));
            number.addClassName("mingze-qeditor-version-number");
            row.add(number);
            if (v.current()) {
                Span now = new Span(getTranslation("quiz.editor.history.current"));
                now.getElement().getThemeList().add("badge success small");
                now.addClassName("mingze-qeditor-current");
                row.add(now);
            }
            Div facts = new Div(new Span(Formats.dateTime(v.createdAt(), getLocale())), new Span(v.createdBy()),
                    new Span("app".equals(v.createdFrom()) ? getTranslation("quiz.editor.history.app")
                            : getTranslation("quiz.editor.history.file", v.createdFrom())));
            facts.addClassName("mingze-qeditor-version-facts");
            row.add(facts);
            if (!v.current()) {
                Button show = new Button(getTranslation("quiz.editor.history.show"), e -> showVersion(v.version()));
                show.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                row.add(show);
            }
            rows.add(row);
        }
        history = new Details(getTranslation("quiz.editor.history", String.valueOf(versions.size()),
                String.valueOf(current.version())), rows);
        history.addClassName("mingze-qeditor-history-box");
        return history;
    }

    /** An earlier version as the learner saw it, with its answer and explanation. */
    private void showVersion(int version) {
        Question v = questions.get(current.id(), version).orElse(null);
        if (v == null) {
            return;
        }
        Dialog d = new Dialog();
        d.setHeaderTitle(getTranslation("quiz.editor.history.dialog", v.id(), String.valueOf(v.version())));
        QuestionCard old = new QuestionCard(ShownQuestion.of(v), 1);
        old.setReadOnly(true);
        d.add(old, note(getTranslation("quiz.card.answer", old.answerText(v.answer())), "mingze-question-answer"));
        if (v.explanation() != null) {
            d.add(note(getTranslation("quiz.card.explanation", v.explanation()), "mingze-question-explanation"));
        }
        Button close = new Button(getTranslation("common.close"), e -> d.close());
        d.getFooter().add(close);
        d.addClassName("mingze-qeditor-version-dialog");
        d.open();
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
