package org.mingze.quiz.exam;

/**
 * Filters of the results grid; null means "any".
 *
 * @param unitId           members of this unit and its subtree
 * @param passed           only passed / only failed (those without a result count as failed)
 * @param nameOrNumber     part of a name or 警号
 * @param includeNotStarted also list audience members who have no closed attempt
 */
public record ResultFilter(Long unitId, Boolean passed, String nameOrNumber, boolean includeNotStarted) {

    public static ResultFilter all() {
        return new ResultFilter(null, null, null, true);
    }
}
