package org.mingze.duty.internal;

import org.mingze.base.validation.Problem;
import org.mingze.base.validation.ValidationException;
import org.mingze.org.OrgService;
import org.springframework.security.access.AccessDeniedException;

/** The scope checks of a duty-report session, shared by the services: read (its unit readable) or run (managed). */
public class SessionAccess {

    private final DutyStore store;
    private final OrgService org;

    public SessionAccess(DutyStore store, OrgService org) {
        this.store = store;
        this.org = org;
    }

    public DutyStore.Session readable(long sessionId) {
        DutyStore.Session s = find(sessionId);
        if (!org.canRead(s.unitId())) {
            throw new AccessDeniedException("duty session " + sessionId + " is outside your scope");
        }
        return s;
    }

    public DutyStore.Session manageable(long sessionId) {
        DutyStore.Session s = find(sessionId);
        if (!org.canManage(s.unitId())) {
            throw new AccessDeniedException("duty session " + sessionId + " is outside your scope");
        }
        return s;
    }

    private DutyStore.Session find(long sessionId) {
        return store.session(sessionId).orElseThrow(() -> new ValidationException(Problem.of("session",
                "duty.error.missing")));
    }
}
