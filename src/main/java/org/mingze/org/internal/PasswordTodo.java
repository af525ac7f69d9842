package org.mingze.org.internal;

import java.util.List;
import java.util.Locale;
import org.mingze.base.security.MingzeUser;
import org.mingze.base.todo.TodoItem;
import org.mingze.base.todo.TodoProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Puts "replace your temporary password" on the home page of anyone who still has one. */
@Component
class PasswordTodo implements TodoProvider {

    private final AccountRepository accounts;
    private final MessageSource messages;

    PasswordTodo(AccountRepository accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TodoItem> todosFor(MingzeUser user, Locale locale) {
        return accounts.findById(user.accountId()).filter(Account::isMustChangePassword)
                .map(a -> List.of(new TodoItem(messages.getMessage("todo.change-password", null, locale),
                        messages.getMessage("todo.change-password.detail", null, locale), null, "account/password",
                        true)))
                .orElse(List.of());
    }
}
