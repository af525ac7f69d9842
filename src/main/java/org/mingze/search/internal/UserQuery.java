package org.mingze.search.internal;

import java.util.List;
import org.mingze.search.SearchMessage;

/**
 * A query as people write it, parsed: groups that must all match (each group is one operand, or several joined by
 * OR), operands that must not match, and notices about what was changed on the way.
 */
record UserQuery(List<List<Operand>> required, List<Operand> excluded, List<SearchMessage> notices) {

    /** A word (or an unspaced run of Chinese, which the analyzer splits into words) or a quoted phrase. */
    record Operand(String text, boolean phrase) {
    }

    boolean isEmpty() {
        return required.isEmpty() && excluded.isEmpty();
    }
}
