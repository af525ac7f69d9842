package org.mingze.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.LocalDate;
import org.mingze.base.i18n.Formats;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.todo.TodoItem;
import org.mingze.base.todo.TodoService;

/** 我的待办: what the signed-in person has to do, gathered from every module. */
@Route("")
@PermitAll
@Menu(title = "menu.home", order = 0, icon = "vaadin:home")
class HomeView extends VerticalLayout implements HasDynamicTitle {

    HomeView(TodoService todos, Clock clock) {
        addClassName("mingze-home");
        setMaxWidth("60rem");
        var user = CurrentUser.require();
        add(new H2(getTranslation("home.greeting", user.displayName())));
        LocalDate today = LocalDate.now(clock);
        add(new Paragraph(getTranslation("home.today", Formats.date(today, getLocale()))));
        add(new H2(getTranslation("home.todos")));
        Div list = new Div();
        list.addClassName("mingze-todos");
        var items = todos.myTodos(getLocale());
        if (items.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("home.todos.none"));
            none.addClassName("mingze-empty");
            list.add(none);
        }
        for (TodoItem item : items) {
            Div card = new Div();
            card.addClassName("mingze-todo");
            if (item.urgent()) {
                card.addClassName("urgent");
            }
            Div title = new Div();
            title.addClassName("mingze-todo-title");
            if (item.link() != null) {
                title.add(new Anchor(item.link(), item.title()));
            } else {
                title.add(new Span(item.title()));
            }
            card.add(title);
            if (item.detail() != null) {
                card.add(new Div(item.detail()));
            }
            if (item.due() != null) {
                Span due = new Span(getTranslation("home.todos.due", Formats.date(item.due(), getLocale())));
                due.addClassName(item.due().isBefore(today) ? "overdue" : "due");
                card.add(due);
            }
            list.add(card);
        }
        add(list);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.home") + " · " + getTranslation("app.name");
    }
}
