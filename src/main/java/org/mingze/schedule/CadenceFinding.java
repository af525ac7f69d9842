package org.mingze.schedule;

import java.time.LocalDate;

/**
 * How one unit kept one rule in one period.
 *
 * @param held       sessions of the type in the period whose record says they took place
 * @param planned    sessions still to come in the period (today included), not cancelled
 * @param unrecorded sessions in the past part of the period, neither recorded as held nor cancelled
 */
public record CadenceFinding(CadenceRule rule, LocalDate periodStart, LocalDate periodEnd, int held, int planned,
                             int unrecorded, Status status) {

    public enum Status {
        /** Enough sessions were held. */
        MET,
        /** The period is running and enough are held or planned. */
        ON_TRACK,
        /** The period is running and even with what is planned it will fall short: plan one now. */
        BEHIND,
        /** The period is over and too few were held. */
        MISSED
    }

    /** Whether the organiser should be told. */
    public boolean flagged() {
        return status == Status.BEHIND || status == Status.MISSED;
    }
}
