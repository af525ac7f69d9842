package org.mingze.quiz.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import org.mingze.base.validation.ValidationException;
import org.mingze.quiz.Feedback;
import org.mingze.quiz.Practice;
import org.mingze.quiz.PracticeChoices;
import org.mingze.quiz.PracticeRequest;
import org.mingze.quiz.PracticeService;
import org.mingze.quiz.PracticeSummary;
import org.mingze.quiz.QuestionType;

/**
 * 练习: choose a bank, a tag or a material and how many questions, then answer one question at a time: 提交 shows
 * the verdict, the correct answer, the explanation and a link to the section, 下一题 goes on; at the end a summary
 * (right, partly right, wrong) with 再练一次 and 去错题本. The wrong-answer book starts its practices here too
 * ({@link #start(PracticeRequest)}). {@code ?bank=}, {@code ?tag=} or {@code ?material=} preselect the choice.
 */
@Route("practice")
@PermitAll
@Menu(title = "menu.practice", order = 30, icon = "vaadin:pencil")
class PracticeView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final List<Integer> COUNTS = List.of(5, 10, 20);

    private final PracticeService practices;
    private final Div body = new Div();
    private final RadioButtonGroup<PracticeRequest.Source> source = new RadioButtonGroup<>();
    private final ComboBox<PracticeChoices.Choice> choice = new ComboBox<>();
    private final RadioButtonGroup<Integer> count = new RadioButtonGroup<>();
    private PracticeChoices choices;
    private Practice practice;
    private int index;
    private QuestionCard card;

    PracticeView(PracticeService practices) {
        this.practices = practices;
        addClassName("mingze-practice");
        body.addClassName("mingze-practice-body");
        add(new H2(getTranslation("quiz.practice.title")), body);
        choices = practices.choices();
        source.setLabel(getTranslation("quiz.practice.source"));
        source.setItems(PracticeRequest.Source.BANK, PracticeRequest.Source.TAG, PracticeRequest.Source.MATERIAL);
        source.setItemLabelGenerator(s -> getTranslation("quiz.practice.source." + s.name()));
        source.addClassName("mingze-practice-source");
        source.addValueChangeListener(e -> fillChoices(e.getValue()));
        choice.setItemLabelGenerator(c -> getTranslation("quiz.practice.choice", c.label(), c.questions()));
        choice.setWidthFull();
        choice.addClassName("mingze-practice-choice");
        count.setLabel(getTranslation("quiz.practice.count"));
        count.setItems(COUNTS);
        count.setItemLabelGenerator(n -> getTranslation("quiz.practice.count.item", n));
        count.addClassName("mingze-practice-count");
        count.setValue(10);
        source.setValue(PracticeRequest.Source.TAG);
        showSetup();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        for (PracticeRequest.Source s : List.of(PracticeRequest.Source.BANK, PracticeRequest.Source.TAG,
                PracticeRequest.Source.MATERIAL)) {
            List<String> values = params.get(s.name().toLowerCase(java.util.Locale.ROOT));
            if (values != null && !values.isEmpty() && practice == null) {
                source.setValue(s);
                options(s).stream().filter(c -> c.value().equals(values.get(0))).findFirst()
                        .ifPresent(choice::setValue);
            }
        }
    }

    // --- choosing ----------------------------------------------------------------------------------------------

    private void showSetup() {
        practice = null;
        body.removeAll();
        Button start = new Button(getTranslation("quiz.practice.start"), e -> startChosen());
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClassName("mingze-practice-start");

        Paragraph rules = new Paragraph(getTranslation("quiz.practice.rules"));
        rules.addClassName("mingze-practice-rules");
        Paragraph multiple = new Paragraph(getTranslation("quiz.practice.multiple-rule"));
        multiple.addClassName("mingze-practice-rules");
        RouterLink book = new RouterLink(getTranslation("quiz.practice.to-book"), WrongBookView.class);
        book.addClassName("mingze-practice-to-book");
        Div form = new Div(source, choice, count, start);
        form.addClassName("mingze-practice-form");
        body.add(form, rules, multiple, book);
    }

    private List<PracticeChoices.Choice> options(PracticeRequest.Source s) {
        return switch (s) {
            case BANK -> choices.banks();
            case TAG -> choices.tags();
            default -> choices.materials();
        };
    }

    private void fillChoices(PracticeRequest.Source s) {
        if (s == null) {
            return;
        }
        choice.setLabel(getTranslation("quiz.practice.choice." + s.name()));
        choice.setItems(options(s));
        choice.clear();
    }

    private void startChosen() {
        if (choice.getValue() == null) {
            choice.setErrorMessage(getTranslation("quiz.practice.error.choose"));
            choice.setInvalid(true);
            return;
        }
        choice.setInvalid(false);
        start(new PracticeRequest(source.getValue(), choice.getValue().value(),
                count.getValue() == null ? 10 : count.getValue()));
    }

    /** Starts a practice and shows its first question (also called by the wrong-answer book). */
    void start(PracticeRequest request) {
        try {
            practice = practices.start(request);
        } catch (ValidationException e) {
            error(e);
            return;
        }
        index = 0;
        showQuestion();
    }

    // --- answering ---------------------------------------------------------------------------------------------

    private void showQuestion() {
        body.removeAll();
        int total = practice.questions().size();
        H3 heading = new H3(heading());
        heading.addClassName("mingze-practice-heading");
        Paragraph progress = new Paragraph(getTranslation("quiz.practice.progress", index + 1, total));
        progress.addClassName("mingze-practice-progress");
        ProgressBar bar = new ProgressBar(0, total, index);
        card = new QuestionCard(practice.questions().get(index), index + 1);
        body.add(heading, progress, bar, card);
        if (practice.questions().get(index).type() == QuestionType.MULTIPLE) {
            Paragraph note = new Paragraph(getTranslation("quiz.practice.multiple-note"));
            note.addClassName("mingze-practice-note");
            body.add(note);
        }
        Button submit = new Button(getTranslation("quiz.practice.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClassName("mingze-practice-submit");
        submit.setEnabled(false);
        card.addAnswerListener(() -> submit.setEnabled(!card.response().isEmpty()));
        boolean last = index == total - 1;
        Button next = new Button(getTranslation(last ? "quiz.practice.finish" : "quiz.practice.next"),
                e -> next());
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.addClassName("mingze-practice-next");
        next.setVisible(false);
        Button end = new Button(getTranslation("quiz.practice.end"), e -> showSummary());
        end.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        end.addClassName("mingze-practice-end");
        submit.addClickListener(e -> {
            try {
                Feedback f = practices.answer(practice.id(), card.question().id(), card.response());
                card.showFeedback(f);
                submit.setVisible(false);
                next.setVisible(true);
                next.focus();
            } catch (ValidationException ex) {
                error(ex);
            }
        });
        Div buttons = new Div(submit, next, end);
        buttons.addClassName("mingze-practice-buttons");
        body.add(buttons);
    }

    private String heading() {
        PracticeRequest r = practice.request();
        if (r.source() == PracticeRequest.Source.WRONG_BOOK) {
            if (r.value() == null) {
                return getTranslation("quiz.practice.heading.book");
            }
            return getTranslation("quiz.practice.heading.book-group", PracticeRequest.UNTAGGED.equals(r.value())
                    ? getTranslation("quiz.book.untagged") : practice.subject());
        }
        return getTranslation("quiz.practice.heading", practice.subject());
    }

    private void next() {
        if (index < practice.questions().size() - 1) {
            index++;
            showQuestion();
        } else {
            showSummary();
        }
    }

    // --- the end -----------------------------------------------------------------------------------------------

    private void showSummary() {
        PracticeSummary s;
        try {
            s = practices.summary(practice.id());
        } catch (ValidationException e) {
            error(e);
            showSetup();
            return;
        }
        body.removeAll();
        H3 heading = new H3(getTranslation("quiz.practice.summary"));
        Paragraph counts = new Paragraph(getTranslation("quiz.practice.summary.counts", s.questions(), s.answered(),
                s.correct(), s.partial(), s.wrong()));
        counts.addClassName("mingze-practice-summary");
        Paragraph book = new Paragraph(getTranslation("quiz.practice.summary.book", s.enteredBook(), s.leftBook()));
        book.addClassName("mingze-practice-summary-book");
        PracticeRequest again = practice.request();
        Button repeat = new Button(getTranslation("quiz.practice.again"), e -> start(again));
        repeat.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        repeat.addClassName("mingze-practice-again");
        Button toBook = new Button(getTranslation("quiz.practice.to-book"),
                e -> UI.getCurrent().navigate(WrongBookView.class));
        toBook.addClassName("mingze-practice-to-book");
        Button other = new Button(getTranslation("quiz.practice.other"), e -> showSetup());
        other.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        other.addClassName("mingze-practice-other");
        Div buttons = new Div(repeat, toBook, other);
        buttons.addClassName("mingze-practice-buttons");
        body.add(heading, counts, book, buttons);
    }

    private void error(ValidationException e) {
        String text = e.problems().stream().map(p -> getTranslation(p.key(), p.args().toArray()))
                .reduce((a, b) -> a + "\n" + b).orElse("");
        Notification n = Notification.show(text, 6000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** The question on screen, for tests. */
    QuestionCard card() {
        return card;
    }

    Practice practice() {
        return practice;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("quiz.practice.title");
    }
}
