package org.mingze.schedule;

import org.mingze.org.UnitKind;

/** The kinds of organisational life a session can be, with the unit level that normally holds them. */
public enum SessionType {
    /** 主题党日: the branch's monthly theme day. */
    THEME_DAY(UnitKind.BRANCH),
    /** 支部党员大会. */
    GENERAL_MEETING(UnitKind.BRANCH),
    /** 支部委员会. */
    COMMITTEE_MEETING(UnitKind.BRANCH),
    /** 党小组会. */
    GROUP_MEETING(UnitKind.GROUP),
    /** 党课. */
    PARTY_LECTURE(UnitKind.BRANCH),
    /** 民主生活会 (of a leading group, i.e. a party committee). */
    DEMOCRATIC_LIFE(UnitKind.COMMITTEE),
    /** 组织生活会. */
    ORGANISATIONAL_LIFE(UnitKind.BRANCH),
    /** 专题学习. */
    TOPIC_STUDY(UnitKind.BRANCH);

    private final UnitKind heldBy;

    SessionType(UnitKind heldBy) {
        this.heldBy = heldBy;
    }

    /** The unit level that normally holds this kind of session (the cadence check applies it there). */
    public UnitKind heldBy() {
        return heldBy;
    }

    public String labelKey() {
        return "schedule.type." + name();
    }
}
