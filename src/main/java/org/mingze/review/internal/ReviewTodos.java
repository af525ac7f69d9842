package org.mingze.review.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mingze.base.security.MingzeUser;
import org.mingze.base.security.Role;
import org.mingze.base.todo.TodoItem;
import org.mingze.base.todo.TodoProvider;
import org.mingze.org.MemberService;
import org.mingze.org.OrgService;
import org.mingze.review.CandidateState;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 我的待办 for reviews: a candidate's test (due on their deadline), make-up study and re-sit; an organiser's
 * re-sits that may be opened now (make-up done, opening day reached) in the units they manage.
 */
@Component
class ReviewTodos implements TodoProvider {

    private final ReviewStore store;
    private final MakeupCheck makeup;
    private final OrgService org;
    private final MemberService members;
    private final MessageSource messages;
    private final Clock clock;

    ReviewTodos(ReviewStore store, MakeupCheck makeup, OrgService org, MemberService members,
                MessageSource messages, Clock clock) {
        this.store = store;
        this.makeup = makeup;
        this.org = org;
        this.members = members;
        this.messages = messages;
        this.clock = clock;
    }

    private String t(Locale l, String key, Object... args) {
        return messages.getMessage(key, args, l);
    }

    @Override
    @Transactional(readOnly = true)
    public List<TodoItem> todosFor(MingzeUser user, Locale locale) {
        List<TodoItem> out = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        if (user.memberId() != null) {
            for (ReviewStore.Candidate c : store.candidatesOf(user.memberId())) {
                ReviewStore.Batch b = store.batch(c.batchId()).orElseThrow();
                if (c.state() == CandidateState.PENDING && !today.isAfter(c.deadline())) {
                    out.add(new TodoItem(t(locale, "review.todo.test", b.name()),
                            t(locale, "review.todo.test.detail", c.proposedPost(), b.passPercent()), c.deadline(),
                            "exams/start/" + b.examId(), true));
                } else if (c.state() == CandidateState.DEFERRED && c.resitGrantedAt() != null) {
                    out.add(new TodoItem(t(locale, "review.todo.resit", b.name()),
                            t(locale, "review.todo.resit.detail"), c.resitCloses(), "exams/start/" + b.examId(),
                            true));
                } else if (c.state() == CandidateState.DEFERRED && !makeup.done(c.memberId(), c.makeupTags())) {
                    out.add(new TodoItem(t(locale, "review.todo.makeup", b.name()),
                            t(locale, "review.todo.makeup.detail", String.join("、", c.makeupTags()), c.resitOpens()),
                            c.resitOpens(), "review/mine", true));
                } else if (c.state() == CandidateState.DEFERRED) {
                    out.add(new TodoItem(t(locale, "review.todo.wait", b.name()),
                            t(locale, "review.todo.wait.detail", c.resitOpens()), c.resitOpens(), "review/mine",
                            false));
                }
            }
        }
        if (user.has(Role.ORGANIZER) || user.has(Role.ADMIN)) {
            for (ReviewStore.Candidate c : store.open()) {
                if (c.state() != CandidateState.DEFERRED || c.resitGrantedAt() != null
                        || today.isBefore(c.resitOpens()) || today.isAfter(c.resitCloses())) {
                    continue;
                }
                ReviewStore.Batch b = store.batch(c.batchId()).orElseThrow();
                if (!org.canManage(b.unitId()) || !makeup.done(c.memberId(), c.makeupTags())) {
                    continue;
                }
                String name = members.namesForSystem(List.of(c.memberId())).getOrDefault(c.memberId(), "");
                out.add(new TodoItem(t(locale, "review.todo.open-resit", name), b.name(), c.resitCloses(),
                        "review/batch/" + b.id(), false));
            }
        }
        return out;
    }
}
