package org.mingze.duty;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The organiser's mark of an answer in the live Q&A: correct = full points, partly = half, wrong = none. */
public enum Mark {
    CORRECT,
    PARTLY,
    WRONG;

    public BigDecimal award(BigDecimal points) {
        return switch (this) {
            case CORRECT -> points;
            case PARTLY -> points.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
            case WRONG -> BigDecimal.ZERO;
        };
    }

    public String labelKey() {
        return "duty.mark." + name();
    }
}
