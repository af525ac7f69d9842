package org.mingze.quiz.exam.internal;

import java.util.Optional;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.security.MingzeUser;
import org.mingze.base.security.Role;
import org.mingze.base.validation.Problem;
import org.mingze.base.validation.ValidationException;
import org.mingze.org.OrgService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with papers and tests: administrators everything, organisers what belongs to units in their
 * scope, auditors read everything; a learner only their own member's attempts.
 */
@Component
public class ExamAccess {

    private final OrgService org;

    ExamAccess(OrgService org) {
        this.org = org;
    }

    public boolean canRead(long unitId) {
        return CurrentUser.has(Role.ADMIN) || CurrentUser.has(Role.AUDITOR) || canManage(unitId);
    }

    public boolean canManage(long unitId) {
        return CurrentUser.has(Role.ADMIN) || (CurrentUser.has(Role.ORGANIZER) && org.canManage(unitId));
    }

    public void requireRead(long unitId) {
        if (!canRead(unitId)) {
            throw new AccessDeniedException("unit " + unitId + " is outside your scope");
        }
    }

    public void requireManage(long unitId) {
        if (!canManage(unitId)) {
            throw new AccessDeniedException("unit " + unitId + " is outside your scope");
        }
    }

    /** The signed-in person's member id; an account without a member cannot take tests. */
    public long member() {
        MingzeUser user = CurrentUser.require();
        return Optional.ofNullable(user.memberId()).orElseThrow(() -> invalid("member", "exam.error.no-member"));
    }

    public static ValidationException invalid(String field, String key, Object... args) {
        return new ValidationException(Problem.of(field, key, args));
    }
}
