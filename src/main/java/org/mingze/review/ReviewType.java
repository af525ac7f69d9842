package org.mingze.review;

/** What a review batch is for. */
public enum ReviewType {
    /** 任前考察. */
    PRE_APPOINTMENT,
    /** 职务晋升. */
    PROMOTION,
    /** 警衔晋升. */
    RANK,
    /** 试用期满. */
    PROBATION,
    /** 其他. */
    OTHER;

    public String labelKey() {
        return "review.type." + name();
    }
}
