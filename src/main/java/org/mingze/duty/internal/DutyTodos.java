package org.mingze.duty.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mingze.base.security.MingzeUser;
import org.mingze.base.todo.TodoItem;
import org.mingze.base.todo.TodoProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 我的待办 for duty reports: an appraisal open in the member's unit that they have not finished. The item leads
 * to the page where the code shown in the meeting is entered (the code itself is not on the item).
 */
@Component
class DutyTodos implements TodoProvider {

    private final DutyStore store;
    private final Attendees attendees;
    private final MessageSource messages;

    DutyTodos(DutyStore store, Attendees attendees, MessageSource messages) {
        this.store = store;
        this.attendees = attendees;
        this.messages = messages;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TodoItem> todosFor(MingzeUser user, Locale locale) {
        List<TodoItem> out = new ArrayList<>();
        Long me = user.memberId();
        if (me == null) {
            return out;
        }
        for (DutyStore.Session s : store.openVoting()) {
            if (!attendees.mayVote(s.unitId(), me)) {
                continue;
            }
            boolean open = store.reporters(s.id()).stream()
                    .anyMatch(r -> r.memberId() != me && !store.hasVoted(r.id(), me));
            if (open) {
                out.add(new TodoItem(messages.getMessage("duty.todo.vote", new Object[]{s.name()}, locale),
                        messages.getMessage("duty.todo.vote.detail", null, locale), s.meetingDay(), "duty/vote",
                        true));
            }
        }
        return out;
    }
}
