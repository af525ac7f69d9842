package org.mingze.org;

import jakarta.persistence.criteria.Predicate;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.i18n.Languages;
import org.mingze.base.notify.NotificationService;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.security.MingzeUser;
import org.mingze.base.security.Role;
import org.mingze.base.security.Roles;
import org.mingze.base.security.SessionTerminator;
import org.mingze.base.validation.Problem;
import org.mingze.base.validation.ValidationException;
import org.mingze.org.internal.Account;
import org.mingze.org.internal.AccountRepository;
import org.mingze.org.internal.Member;
import org.mingze.org.internal.MemberRepository;
import org.mingze.org.internal.MemberRules;
import org.mingze.org.internal.Unit;
import org.mingze.org.internal.UnitRepository;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members and their accounts. Administrators manage everyone; an organiser reads and edits the members of their
 * subtree; auditors read everyone. Accounts (roles, passwords, unlock) are for administrators only.
 */
@Service
@Transactional(readOnly = true)
public class MemberService {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final MemberRepository members;
    private final AccountRepository accounts;
    private final UnitRepository units;
    private final OrgService org;
    private final AuditLog audit;
    private final PasswordEncoder encoder;
    private final SessionTerminator sessions;
    private final Clock clock;
    private final NotificationService notices;
    private final MessageSource messages;
    private final SecureRandom random = new SecureRandom();

    MemberService(MemberRepository members, AccountRepository accounts, UnitRepository units, OrgService org,
                  AuditLog audit, PasswordEncoder encoder, SessionTerminator sessions, Clock clock,
                  NotificationService notices, MessageSource messages) {
        this.notices = notices;
        this.messages = messages;
        this.members = members;
        this.accounts = accounts;
        this.units = units;
        this.org = org;
        this.audit = audit;
        this.encoder = encoder;
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * The usernames of these members' accounts (members without an account are left out), for other modules'
     * notices; never for the browser.
     */
    public java.util.Map<Long, String> usernames(java.util.Collection<Long> memberIds) {
        java.util.Map<Long, String> found = new java.util.HashMap<>();
        for (Account a : accounts.findByMemberIdIn(memberIds)) {
            if (a.getMemberId() != null && a.isEnabled()) {
                found.put(a.getMemberId(), a.getUsername());
            }
        }
        return found;
    }

    /** Members' names by id, for other modules' background notices; never for the browser. */
    public java.util.Map<Long, String> namesForSystem(java.util.Collection<Long> memberIds) {
        java.util.Map<Long, String> found = new java.util.HashMap<>();
        members.findAllById(memberIds).forEach(m -> found.put(m.getId(), m.getName()));
        return found;
    }

    /** A member whoever asks, for other modules' background work and public verification pages; never a list. */
    public Optional<MemberRow> memberForSystem(long id) {
        return members.findById(id).map(m -> rows(List.of(m)).apply(m));
    }

    /**
     * A member by 警号 whoever asks, for the integration API (which checks its token's unit scope itself); never for
     * the browser, never a list.
     */
    public Optional<MemberRow> memberByEmployeeNoForSystem(String employeeNo) {
        return members.findByEmployeeNo(employeeNo == null ? "" : employeeNo.strip().toUpperCase(java.util.Locale.ROOT))
                .map(m -> rows(List.of(m)).apply(m));
    }

    /**
     * The usernames of the organisers whose scope is exactly this unit (its secretary or the committee's staff), for
     * other modules' reminders and escalations; never for the browser.
     */
    public List<String> organisersOf(long unitId) {
        return accounts.findByScopeUnitId(unitId).stream()
                .filter(a -> a.isEnabled() && a.getRoles().contains(Role.ORGANIZER))
                .map(Account::getUsername).sorted().toList();
    }

    @PreAuthorize("hasAnyRole('" + Roles.ADMIN + "','" + Roles.ORGANIZER + "','" + Roles.AUDITOR + "')")
    public Page<MemberRow> search(MemberFilter filter, int page, int size) {
        MingzeUser user = CurrentUser.require();
        Page<Member> result = members.findAll(spec(filter, user), PageRequest.of(page, size,
                Sort.by("unitId", "name", "id")));
        return result.map(rows(result.getContent())::apply);
    }

    @PreAuthorize("hasAnyRole('" + Roles.ADMIN + "','" + Roles.ORGANIZER + "','" + Roles.AUDITOR + "')")
    public long count(MemberFilter filter) {
        return members.count(spec(filter, CurrentUser.require()));
    }

    @PreAuthorize("isAuthenticated()")
    public Optional<MemberRow> member(long id) {
        return members.findById(id).filter(m -> org.canRead(m.getUnitId()) || isSelf(m))
                .map(m -> rows(List.of(m)).apply(m));
    }

    /** Looks a member up by 警号 within the current person's scope. */
    @PreAuthorize("isAuthenticated()")
    public Optional<MemberRow> byEmployeeNo(String employeeNo) {
        return members.findByEmployeeNo(employeeNo == null ? "" : employeeNo.strip().toUpperCase(java.util.Locale.ROOT))
                .filter(m -> org.canRead(m.getUnitId()) || isSelf(m)).map(m -> rows(List.of(m)).apply(m));
    }

    @PreAuthorize("hasAnyRole('" + Roles.ADMIN + "','" + Roles.ORGANIZER + "')")
    @Transactional
    public MemberRow create(MemberData data) {
        MemberData d = checked(data, null);
        Member m = new Member(d.name(), d.employeeNo(), d.unitId(), clock.instant());
        apply(m, d);
        members.save(m);
        audit.record("MEMBER_CREATE", "member", m.getId(), d.name() + " " + d.employeeNo());
        return rows(List.of(m)).apply(m);
    }

    @PreAuthorize("hasAnyRole('" + Roles.ADMIN + "','" + Roles.ORGANIZER + "')")
    @Transactional
    public MemberRow update(long id, MemberData data) {
        Member m = managed(id);
        MemberData d = checked(data, m.getId());
        String before = describe(m);
        apply(m, d);
        m.setEmployeeNo(d.employeeNo());
        accounts.findByMemberId(id).ifPresent(a -> a.setDisplayName(d.name()));
        audit.record("MEMBER_UPDATE", "member", id, before + " -> " + describe(m));
        return rows(List.of(m)).apply(m);
    }

    /** Deactivates a member: kept with all records, but their account is disabled and their sessions end now. */
    @PreAuthorize("hasAnyRole('" + Roles.ADMIN + "','" + Roles.ORGANIZER + "')")
    @Transactional
    public void deactivate(long id) {
        Member m = managed(id);
        if (!m.isActive()) {
            return;
        }
        m.setActive(false);
        accounts.findByMemberId(id).ifPresent(a -> {
            a.setEnabled(false);
            sessions.endSessionsOf(a.getUsername());
        });
        audit.record("MEMBER_DEACTIVATE", "member", id, m.getName() + " " + m.getEmployeeNo());
    }

    @PreAuthorize("hasAnyRole('" + Roles.ADMIN + "','" + Roles.ORGANIZER + "')")
    @Transactional
    public void reactivate(long id) {
        Member m = managed(id);
        m.setActive(true);
        accounts.findByMemberId(id).ifPresent(a -> a.setEnabled(true));
        audit.record("MEMBER_REACTIVATE", "member", id, m.getName() + " " + m.getEmployeeNo());
    }

    /**
     * Gives a member an account (username = 警号) or, if they have one, a new temporary password. The person must
     * change it at the next login; any open session of theirs ends.
     */
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    @Transactional
    public TemporaryPassword issuePassword(long memberId) {
        Member m = members.findById(memberId).orElseThrow(() -> missing(memberId));
        if (!m.isActive()) {
            throw new ValidationException(Problem.of("id", "member.error.inactive"));
        }
        String password = randomPassword();
        Optional<Account> existing = accounts.findByMemberId(memberId);
        Account a;
        if (existing.isPresent()) {
            a = existing.get();
            a.changePassword(encoder.encode(password), true);
            a.unlock();
            sessions.endSessionsOf(a.getUsername());
            audit.record("ACCOUNT_PASSWORD_RESET", "account", a.getUsername(), m.getName());
        } else {
            a = new Account(m.getEmployeeNo(), encoder.encode(password), m.getId(), m.getName(), clock.instant());
            a.changePassword(a.getPasswordHash(), true);
            a.setRoles(EnumSet.of(Role.LEARNER));
            accounts.save(a);
            audit.record("ACCOUNT_CREATE", "account", a.getUsername(), m.getName() + ", roles [LEARNER]");
        }
        return new TemporaryPassword(a.getUsername(), password);
    }

    /** Sets an account's roles; an organiser needs a scope unit. */
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    @Transactional
    public void setRoles(long memberId, Set<Role> roles, Long scopeUnitId) {
        Account a = accounts.findByMemberId(memberId)
                .orElseThrow(() -> new ValidationException(Problem.of("roles", "account.error.no-account")));
        if (roles == null || roles.isEmpty()) {
            throw new ValidationException(Problem.of("roles", "account.error.no-roles"));
        }
        if (roles.contains(Role.ORGANIZER)) {
            if (scopeUnitId == null || units.findById(scopeUnitId).filter(Unit::isActive).isEmpty()) {
                throw new ValidationException(Problem.of("scope", "account.error.scope-required"));
            }
        }
        if (a.getUsername().equals(CurrentUser.actor()) && !roles.contains(Role.ADMIN)) {
            throw new ValidationException(Problem.of("roles", "account.error.own-admin"));
        }
        a.setRoles(roles);
        a.setScopeUnitId(roles.contains(Role.ORGANIZER) ? scopeUnitId : null);
        sessions.endSessionsOf(a.getUsername());
        String names = roles.stream().sorted().map(r -> messages.getMessage(r.labelKey(), null, Languages.CHINESE))
                .collect(Collectors.joining("、"));
        notices.post(a.getUsername(), messages.getMessage("notice.roles-changed", null, Languages.CHINESE),
                messages.getMessage("notice.roles-changed.body", new Object[] {names}, Languages.CHINESE), null);
        audit.record("ACCOUNT_ROLES", "account", a.getUsername(), roles + (a.getScopeUnitId() == null ? ""
                : ", scope unit " + a.getScopeUnitId()));
    }

    /** Lifts a lockout before its time. */
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    @Transactional
    public void unlock(long memberId) {
        Account a = accounts.findByMemberId(memberId)
                .orElseThrow(() -> new ValidationException(Problem.of("id", "account.error.no-account")));
        a.unlock();
        audit.record("ACCOUNT_UNLOCK", "account", a.getUsername(), null);
    }

    /** What {@link #storeChecked} did: rows that created a member, changed one, or matched one as it was. */
    record StoredCounts(int created, int updated, int unchanged) {
    }

    /**
     * Stores import rows that {@link MemberImportService} has already checked, all in the caller's transaction: a
     * 警号 that exists updates that member (and their account's display name), otherwise a member is created. Only
     * the scope is checked again here, as a last line of defence; the audit entry is the caller's.
     */
    @Transactional
    StoredCounts storeChecked(List<MemberData> rows) {
        Map<String, Member> existing = new java.util.HashMap<>();
        List<String> numbers = rows.stream().map(MemberData::employeeNo).toList();
        for (int i = 0; i < numbers.size(); i += 500) {
            members.findByEmployeeNoIn(numbers.subList(i, Math.min(numbers.size(), i + 500)))
                    .forEach(m -> existing.put(m.getEmployeeNo(), m));
        }
        Set<Long> allowed = new java.util.HashSet<>();
        int created = 0;
        int updated = 0;
        for (MemberData d : rows) {
            Member m = existing.get(d.employeeNo());
            requireManage(d.unitId(), allowed);
            if (m == null) {
                m = new Member(d.name(), d.employeeNo(), d.unitId(), clock.instant());
                apply(m, d);
                members.save(m);
                existing.put(d.employeeNo(), m);
                created++;
            } else {
                requireManage(m.getUnitId(), allowed);
                if (!same(m, d)) {
                    if (!m.getName().equals(d.name())) {
                        accounts.findByMemberId(m.getId()).ifPresent(a -> a.setDisplayName(d.name()));
                    }
                    apply(m, d);
                    updated++;
                }
            }
        }
        return new StoredCounts(created, updated, rows.size() - created - updated);
    }

    private void requireManage(long unitId, Set<Long> allowed) {
        if (allowed.add(unitId)) {
            org.requireManage(unitId);
        }
    }

    private static boolean same(Member m, MemberData d) {
        return m.getName().equals(d.name()) && m.getUnitId().equals(d.unitId())
                && java.util.Objects.equals(m.getPost(), d.post()) && m.isLeader() == d.leader()
                && m.isPartyMember() == d.partyMember() && java.util.Objects.equals(m.getPhone(), d.phone());
    }

    private MemberData checked(MemberData data, Long selfId) {
        MemberData d = MemberRules.normalise(data);
        List<Problem> problems = new ArrayList<>(MemberRules.check(d));
        if (d.unitId() != null) {
            Optional<Unit> unit = units.findById(d.unitId());
            if (unit.isEmpty() || !unit.get().isActive()) {
                problems.add(Problem.of("unit", "member.error.unit-missing"));
            } else if (!org.canManage(d.unitId())) {
                problems.add(Problem.of("unit", "member.error.unit-out-of-scope", unit.get().getName()));
            }
        }
        if (!d.employeeNo().isEmpty()) {
            // name the holder only to someone allowed to see them; otherwise just say it is taken
            members.findByEmployeeNo(d.employeeNo()).filter(o -> !o.getId().equals(selfId)).ifPresent(o ->
                    problems.add(org.canRead(o.getUnitId())
                            ? Problem.of("employeeNo", "member.error.employee-no-taken", d.employeeNo(), o.getName())
                            : Problem.of("employeeNo", "member.error.employee-no-taken-elsewhere", d.employeeNo())));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return d;
    }

    private Member managed(long id) {
        Member m = members.findById(id).orElseThrow(() -> missing(id));
        if (!org.canManage(m.getUnitId())) {
            throw new AccessDeniedException("member " + id + " is outside your scope");
        }
        return m;
    }

    private static ValidationException missing(long id) {
        return new ValidationException(Problem.of("id", "member.error.missing", id));
    }

    private boolean isSelf(Member m) {
        return CurrentUser.get().map(u -> m.getId().equals(u.memberId())).orElse(false);
    }

    private static void apply(Member m, MemberData d) {
        m.setName(d.name());
        m.setUnitId(d.unitId());
        m.setPost(d.post());
        m.setLeader(d.leader());
        m.setPartyMember(d.partyMember());
        m.setPhone(d.phone());
    }

    private static String describe(Member m) {
        return m.getName() + "/" + m.getEmployeeNo() + "/unit " + m.getUnitId() + "/" + m.getPost()
                + (m.isLeader() ? "/leader" : "");
    }

    private String randomPassword() {
        StringBuilder sb = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private Function<Member, MemberRow> rows(List<Member> page) {
        Map<Long, Account> byMember = accounts.findByMemberIdIn(page.stream().map(Member::getId).toList()).stream()
                .collect(Collectors.toMap(Account::getMemberId, Function.identity()));
        Map<Long, String> unitNames = units.findAllById(page.stream().map(Member::getUnitId).distinct().toList())
                .stream().collect(Collectors.toMap(Unit::getId, Unit::getName));
        var now = clock.instant();
        return m -> {
            Account a = byMember.get(m.getId());
            return new MemberRow(m.getId(), m.getName(), m.getEmployeeNo(), m.getUnitId(),
                    unitNames.getOrDefault(m.getUnitId(), ""), m.getPost(), m.isLeader(), m.isPartyMember(),
                    m.getPhone(), m.isActive(), a == null ? null : a.getId(),
                    a == null ? Set.of() : a.getRoles(), a == null ? null : a.getScopeUnitId(),
                    a != null && a.isLockedAt(now));
        };
    }

    private Specification<Member> spec(MemberFilter f, MingzeUser user) {
        List<Long> scopeIds;
        if (user.has(Role.ADMIN) || user.has(Role.AUDITOR)) {
            scopeIds = null;
        } else if (user.has(Role.ORGANIZER) && user.scopeUnitId() != null) {
            scopeIds = org.subtreeIds(user.scopeUnitId());
        } else {
            scopeIds = List.of();
        }
        List<Long> filterIds = f.unitId() == null ? null : org.subtreeIds(f.unitId());
        return (root, q, cb) -> {
            List<Predicate> p = new ArrayList<>();
            if (scopeIds != null) {
                p.add(scopeIds.isEmpty() ? cb.disjunction() : root.get("unitId").in(scopeIds));
            }
            if (filterIds != null) {
                p.add(filterIds.isEmpty() ? cb.disjunction() : root.get("unitId").in(filterIds));
            }
            if (f.text() != null && !f.text().isBlank()) {
                String like = "%" + f.text().strip().toLowerCase(java.util.Locale.ROOT) + "%";
                p.add(cb.or(cb.like(cb.lower(root.get("name")), like), cb.like(cb.lower(root.get("employeeNo")), like),
                        cb.like(cb.lower(root.get("post")), like)));
            }
            if (f.active() != null) {
                p.add(cb.equal(root.get("active"), f.active()));
            }
            if (f.leader() != null) {
                p.add(cb.equal(root.get("leader"), f.leader()));
            }
            return cb.and(p.toArray(Predicate[]::new));
        };
    }
}
