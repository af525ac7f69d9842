package org.mingze.schedule;

import java.util.List;

/** A saved session and the warnings about its time. */
public record SavedSession(SessionCard session, List<Conflict> conflicts) {
}
