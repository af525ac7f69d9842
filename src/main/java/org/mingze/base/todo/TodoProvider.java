package org.mingze.base.todo;

import java.util.List;
import java.util.Locale;
import org.mingze.base.security.MingzeUser;

/**
 * A module's contribution to the home page. Implement it as a Spring bean in any feature module; the home page
 * collects all of them without knowing the modules.
 */
public interface TodoProvider {
    List<TodoItem> todosFor(MingzeUser user, Locale locale);
}
