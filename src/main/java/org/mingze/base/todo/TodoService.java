package org.mingze.base.todo;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.mingze.base.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Collects every module's to-dos for the signed-in person, urgent first, then by due date. */
@Service
public class TodoService {

    private final List<TodoProvider> providers;

    TodoService(List<TodoProvider> providers) {
        this.providers = providers;
    }

    @PreAuthorize("isAuthenticated()")
    public List<TodoItem> myTodos(Locale locale) {
        var user = CurrentUser.require();
        return providers.stream().flatMap(p -> p.todosFor(user, locale).stream())
                .sorted(Comparator.comparing(TodoItem::urgent).reversed()
                        .thenComparing(TodoItem::due, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder())))
                .toList();
    }
}
