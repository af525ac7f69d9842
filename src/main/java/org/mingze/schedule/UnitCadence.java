package org.mingze.schedule;

import java.util.List;

/** A unit's cadence this year: every rule's periods up to today; {@link #flagged()} those to act on. */
public record UnitCadence(long unitId, String unitName, List<CadenceFinding> findings) {

    public List<CadenceFinding> flagged() {
        return findings.stream().filter(CadenceFinding::flagged).toList();
    }
}
