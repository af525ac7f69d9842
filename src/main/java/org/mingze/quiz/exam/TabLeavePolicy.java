package org.mingze.quiz.exam;

import java.util.Objects;

/**
 * @param limit for {@link TabLeaveAction#SUBMIT_AFTER}: the leave that submits the attempt (1..99); ignored otherwise
 */
public record TabLeavePolicy(TabLeaveAction action, int limit) {

    public TabLeavePolicy {
        Objects.requireNonNull(action, "action");
    }

    public static TabLeavePolicy countOnly() {
        return new TabLeavePolicy(TabLeaveAction.COUNT, 0);
    }

    public static TabLeavePolicy submitAfter(int n) {
        return new TabLeavePolicy(TabLeaveAction.SUBMIT_AFTER, n);
    }
}
