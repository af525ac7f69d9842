package org.mingze.duty;

/** A rating of the democratic appraisal (民主评议). */
public enum Rating {
    /** 优秀 */
    EXCELLENT,
    /** 称职 */
    COMPETENT,
    /** 基本称职 */
    BASIC,
    /** 不称职 */
    INCOMPETENT;

    public String labelKey() {
        return "duty.rating." + name();
    }
}
