package org.mingze.org;

/** The levels of the party organisation. */
public enum UnitKind {
    /** 党委 (or 总支): may hold committees and branches. */
    COMMITTEE,
    /** 党支部: may hold party groups. */
    BRANCH,
    /** 党小组: the smallest unit. */
    GROUP;

    public boolean mayContain(UnitKind child) {
        return switch (this) {
            case COMMITTEE -> child == COMMITTEE || child == BRANCH;
            case BRANCH -> child == GROUP;
            case GROUP -> false;
        };
    }

    public String labelKey() {
        return "unit.kind." + name();
    }
}
