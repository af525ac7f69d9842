package org.mingze.duty;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.validation.Problem;
import org.mingze.base.validation.ValidationException;
import org.mingze.duty.internal.Attendees;
import org.mingze.duty.internal.DutyStore;
import org.mingze.duty.internal.SessionAccess;
import org.mingze.duty.internal.DutyStore.Reporter;
import org.mingze.duty.internal.DutyStore.Session;
import org.mingze.org.MemberService;
import org.mingze.org.OrgService;
import org.mingze.org.UnitNode;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The democratic appraisal (民主评议, decision 0015). The organiser opens voting and gets a six-digit code to show
 * in the meeting; signed-in members of the session's unit (or below) enter it on their phones and rate each
 * reporter once (优秀 / 称职 / 基本称职 / 不称职), not themselves. A vote is final. Anonymity: "member X has rated
 * reporter R" and "reporter R has one more 称职" are written to two tables that share nothing but the reporter; no
 * time, order or voter is kept with a rating, no vote is audited or logged, and the tally is shown only once
 * voting is closed. Opening and closing are audited (DUTY_VOTING_OPEN, DUTY_VOTING_CLOSE).
 */
@Service
@Transactional(readOnly = true)
public class AppraisalService {

    private final DutyStore store;
    private final OrgService org;
    private final MemberService members;
    private final AuditLog audit;
    private final Attendees attendees;
    private final SecureRandom random = new SecureRandom();

    private final SessionAccess access;

    AppraisalService(DutyStore store, OrgService org, MemberService members, AuditLog audit, Attendees attendees) {
        this.attendees = attendees;
        this.access = new SessionAccess(store, org);
        this.store = store;
        this.org = org;
        this.members = members;
        this.audit = audit;
    }

    /** Opens the appraisal of a session and returns its code (six digits, unique among sessions). */
    @PreAuthorize(DutyService.MANAGE)
    @Transactional
    public String openVoting(long sessionId) {
        Session s = manageable(sessionId);
        if (s.voting() != Voting.NOT_OPEN) {
            throw new ValidationException(Problem.of("voting", "duty.error.voting-opened"));
        }
        String code;
        do {
            code = String.format("%06d", random.nextInt(1_000_000));
        } while (store.codeInUse(code));
        store.setVoting(sessionId, Voting.OPEN, code);
        audit.record("DUTY_VOTING_OPEN", "duty-session", sessionId, s.name());
        return code;
    }

    /** Closes the appraisal for good: the code stops working and the tally is shown. */
    @PreAuthorize(DutyService.MANAGE)
    @Transactional
    public void closeVoting(long sessionId) {
        Session s = manageable(sessionId);
        if (s.voting() != Voting.OPEN) {
            throw new ValidationException(Problem.of("voting", "duty.error.voting-not-open"));
        }
        store.setVoting(sessionId, Voting.CLOSED, null);
        int voters = store.reporters(sessionId).stream().mapToInt(r -> store.voters(r.id())).sum();
        audit.record("DUTY_VOTING_CLOSE", "duty-session", sessionId, s.name() + " (" + voters + " rating(s))");
    }

    /**
     * The form for a code: the session's reporters and which the caller has rated.
     *
     * @throws ValidationException the code is wrong or voting is not open, or the caller is not a member of the
     *                             session's unit (the same message: a guessed code tells nothing)
     */
    @PreAuthorize("isAuthenticated()")
    public Ballot ballot(String code) {
        Session s = votable(code);
        long me = CurrentUser.require().memberId();
        List<Ballot.Line> lines = new ArrayList<>();
        for (Reporter r : store.reporters(s.id())) {
            String name = members.namesForSystem(List.of(r.memberId())).getOrDefault(r.memberId(), "");
            lines.add(new Ballot.Line(r.id(), name, r.post(), store.hasVoted(r.id(), me), r.memberId() == me));
        }
        return new Ballot(s.id(), s.name(), org.unitForSystem(s.unitId()).map(UnitNode::name).orElse(""), lines);
    }

    /**
     * Rates a reporter. Once per attendee and reporter, final; not oneself.
     *
     * @throws ValidationException bad code, voting closed, already rated, oneself, or not a reporter of the session
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void vote(String code, long reporterId, Rating rating) {
        Session s = votable(code);
        long me = CurrentUser.require().memberId();
        Reporter r = store.reporter(reporterId).filter(x -> x.sessionId() == s.id())
                .orElseThrow(() -> new ValidationException(Problem.of("reporter", "duty.error.missing")));
        if (rating == null) {
            throw new ValidationException(Problem.of("rating", "duty.error.rating"));
        }
        if (r.memberId() == me) {
            throw new ValidationException(Problem.of("rating", "duty.error.self"));
        }
        if (!store.addVoter(r.id(), me)) {
            throw new ValidationException(Problem.of("rating", "duty.error.voted"));
        }
        store.count(r.id(), rating);
    }

    private Session votable(String code) {
        String c = code == null ? "" : code.replaceAll("\\s", "");
        Optional<Session> s = c.matches("\\d{6}") ? store.openByCode(c) : Optional.empty();
        Long me = CurrentUser.require().memberId();
        if (s.isEmpty() || me == null || !attendees.mayVote(s.get().unitId(), me)) {
            throw new ValidationException(Problem.of("code", "duty.error.code"));
        }
        return s.get();
    }

    private Session manageable(long sessionId) {
        return access.manageable(sessionId);
    }
}
