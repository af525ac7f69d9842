package org.mingze.quiz.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import org.mingze.quiz.PracticeRequest;
import org.mingze.quiz.PracticeService;
import org.mingze.quiz.WrongBook;

/**
 * 错题本: the signed-in person's own wrong answers, grouped by tag with counts (a question with several tags is under
 * each; one without a tag under 其他). Each question shows its stem, how often it was answered wrong and how many
 * correct answers in a row it has; buttons practise the whole book or one tag again.
 */
@Route("practice/wrong")
@PermitAll
@Menu(title = "menu.wrong-book", order = 31, icon = "vaadin:notebook")
class WrongBookView extends VerticalLayout implements HasDynamicTitle {

    private final WrongBook book;

    WrongBookView(PracticeService practices) {
        addClassName("mingze-wrong-book");
        add(new H2(getTranslation("quiz.book.title")));
        book = practices.wrongBook();
        Paragraph rules = new Paragraph(getTranslation("quiz.book.rules"));
        rules.addClassName("mingze-practice-rules");
        add(rules);
        if (book.questions() == 0) {
            Paragraph empty = new Paragraph(getTranslation("quiz.book.empty"));
            empty.addClassName("mingze-empty");
            RouterLink practise = new RouterLink(getTranslation("quiz.book.go-practise"), PracticeView.class);
            practise.addClassName("mingze-wrong-book-practise");
            add(empty, practise);
            return;
        }
        Div total = new Div(new Span(getTranslation("quiz.book.total", book.questions())));
        total.addClassName("mingze-wrong-book-total");
        Button all = new Button(getTranslation("quiz.book.practice-all", book.questions()),
                e -> practise(PracticeRequest.wrongBook(null)));
        all.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        all.addClassName("mingze-wrong-book-all");
        add(total, all);
        Div groups = new Div();
        groups.addClassName("mingze-wrong-book-groups");
        for (WrongBook.Group g : book.groups()) {
            groups.add(group(g));
        }
        add(groups);
    }

    private Component group(WrongBook.Group g) {
        String name = g.tag() == null ? getTranslation("quiz.book.untagged") : g.tag();
        Div content = new Div();
        content.addClassName("mingze-wrong-book-entries");
        Button again = new Button(getTranslation("quiz.book.practice-group", g.count()), e -> practise(g.practice()));
        again.addThemeVariants(ButtonVariant.LUMO_SMALL);
        again.addClassName("mingze-wrong-book-again");
        content.add(again);
        for (WrongBook.Entry e : g.entries()) {
            Div entry = new Div();
            entry.addClassName("mingze-wrong-book-entry");
            Span type = new Span(getTranslation("quiz.type." + e.type().name()));
            type.getElement().getThemeList().add("badge small");
            Paragraph stem = new Paragraph(e.stem());
            stem.addClassName("mingze-wrong-book-stem");
            Div facts = new Div(type, new Span(getTranslation("quiz.book.entry.facts", e.timesWrong(),
                    e.consecutiveCorrect(), Math.max(0, WrongBook.TO_MASTER - e.consecutiveCorrect()))));
            facts.addClassName("mingze-wrong-book-facts");
            entry.add(stem, facts);
            entry.getElement().setAttribute("data-question", e.questionId());
            content.add(entry);
        }
        Details details = new Details(getTranslation("quiz.book.group", name, g.count()), content);
        details.addClassName("mingze-wrong-book-group");
        details.getElement().setAttribute("data-tag", g.tag() == null ? "" : g.tag());
        details.setOpened(book.groups().size() <= 3);
        return details;
    }

    private void practise(PracticeRequest request) {
        UI.getCurrent().navigate(PracticeView.class).ifPresent(v -> v.start(request));
    }

    WrongBook book() {
        return book;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("quiz.book.title");
    }
}
