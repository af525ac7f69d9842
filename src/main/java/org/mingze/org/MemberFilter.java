package org.mingze.org;

/**
 * Filters for the member grid; null means "any". {@code text} matches name, 警号 or post; {@code unitId} includes
 * the unit's subtree.
 */
public record MemberFilter(String text, Long unitId, Boolean active, Boolean leader) {
    public static MemberFilter any() {
        return new MemberFilter(null, null, null, null);
    }
}
