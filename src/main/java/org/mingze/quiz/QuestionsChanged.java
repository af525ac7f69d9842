package org.mingze.quiz;

import java.util.Set;

/**
 * Published after questions were created, changed, retired or restored (after the transaction commits), so that
 * the search index can follow.
 *
 * @param changed ids whose current version is new or changed (retired ones included: the listener looks them up)
 * @param removed ids that no longer exist at all
 */
public record QuestionsChanged(Set<String> changed, Set<String> removed) {

    public QuestionsChanged {
        changed = Set.copyOf(changed);
        removed = Set.copyOf(removed);
    }
}
