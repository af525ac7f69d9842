package org.mingze.quiz;

/** How a multiple-choice question is scored. */
public enum MultiplePolicy {
    /** Full points only for exactly the correct options; anything else scores nothing. */
    ALL_OR_NOTHING,
    /** 少选得一半分，错选不得分: half the points when only correct options were chosen but not all of them. */
    HALF_FOR_SUBSET
}
