package org.mingze.duty;

/** The appraisal of a session: not yet open, open (the code is valid), closed (final; the tally is shown). */
public enum Voting {
    NOT_OPEN,
    OPEN,
    CLOSED;

    public String labelKey() {
        return "duty.voting." + name();
    }
}
