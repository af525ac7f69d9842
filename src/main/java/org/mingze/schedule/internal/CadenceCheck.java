package org.mingze.schedule.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.mingze.schedule.CadenceFinding;
import org.mingze.schedule.CadenceFinding.Status;
import org.mingze.schedule.CadenceRule;
import org.mingze.schedule.SessionType;

/** Compares a unit's sessions with the cadence rules, period by period; a pure function of its inputs. */
public final class CadenceCheck {

    /** A session as the check sees it. */
    public record Occurrence(SessionType type, LocalDate date, boolean held, boolean cancelled) {
    }

    private CadenceCheck() {
    }

    /**
     * The findings for every period of every rule from the period containing {@code from} to the one containing
     * {@code today}, oldest first.
     */
    public static List<CadenceFinding> check(Collection<CadenceRule> rules, Collection<Occurrence> sessions,
                                             LocalDate from, LocalDate today) {
        List<CadenceFinding> findings = new ArrayList<>();
        for (CadenceRule rule : rules) {
            for (LocalDate start = rule.period().start(from); !start.isAfter(today);
                 start = rule.period().end(start).plusDays(1)) {
                findings.add(finding(rule, start, sessions, today));
            }
        }
        return findings;
    }

    static CadenceFinding finding(CadenceRule rule, LocalDate start, Collection<Occurrence> sessions, LocalDate today) {
        LocalDate end = rule.period().end(start);
        int held = 0;
        int planned = 0;
        int unrecorded = 0;
        for (Occurrence s : sessions) {
            if (s.type() != rule.type() || s.cancelled() || s.date().isBefore(start) || s.date().isAfter(end)) {
                continue;
            }
            if (s.held()) {
                held++;
            } else if (!s.date().isBefore(today)) {
                planned++;
            } else {
                unrecorded++;
            }
        }
        Status status;
        if (held >= rule.minimum()) {
            status = Status.MET;
        } else if (end.isBefore(today)) {
            status = Status.MISSED;
        } else {
            // an unrecorded past session may still get its record: count it as held-to-be, not as missing
            status = held + planned + unrecorded >= rule.minimum() ? Status.ON_TRACK : Status.BEHIND;
        }
        return new CadenceFinding(rule, start, end, held, planned, unrecorded, status);
    }
}
