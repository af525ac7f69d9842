package org.mingze.duty.internal;

import java.util.Optional;
import org.mingze.org.MemberRow;
import org.mingze.org.MemberService;
import org.mingze.org.OrgService;
import org.springframework.stereotype.Component;

/** Who may take part in a session's appraisal: active members of its unit or a unit below it. */
@Component
public class Attendees {

    private final OrgService org;
    private final MemberService members;

    Attendees(OrgService org, MemberService members) {
        this.org = org;
        this.members = members;
    }

    public boolean mayVote(long unitId, long memberId) {
        Optional<MemberRow> m = members.memberForSystem(memberId);
        return m.isPresent() && m.get().active() && org.subtreeIds(unitId).contains(m.get().unitId());
    }
}
