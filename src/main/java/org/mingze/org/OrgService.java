package org.mingze.org;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.security.MingzeUser;
import org.mingze.base.security.Role;
import org.mingze.base.security.Roles;
import org.mingze.base.validation.Problem;
import org.mingze.base.validation.ValidationException;
import org.mingze.org.internal.MemberRepository;
import org.mingze.org.internal.Unit;
import org.mingze.org.internal.UnitRepository;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Units and unit scope. Administrators and auditors see every unit; an organiser sees and manages the subtree of
 * their scope unit; a learner sees their own unit. Other modules ask {@link #canManage(long)} and
 * {@link #canRead(long)} before they show or change anything that belongs to a unit.
 */
@Service
@Transactional(readOnly = true)
public class OrgService {

    private final UnitRepository units;
    private final MemberRepository members;
    private final AuditLog audit;

    OrgService(UnitRepository units, MemberRepository members, AuditLog audit) {
        this.units = units;
        this.members = members;
        this.audit = audit;
    }

    /** Every unit the current person may see, in tree order (parents before children). */
    @PreAuthorize("isAuthenticated()")
    public List<UnitNode> visibleUnits() {
        MingzeUser user = CurrentUser.require();
        List<UnitNode> all = units.findAllByOrderBySortOrderAscIdAsc().stream().map(OrgService::node).toList();
        return treeOrder(all.stream().filter(u -> canRead(user, u)).toList());
    }

    /** The units the current person may manage (add members to, schedule for ...), in tree order. */
    @PreAuthorize("isAuthenticated()")
    public List<UnitNode> manageableUnits() {
        MingzeUser user = CurrentUser.require();
        List<UnitNode> all = units.findAllByOrderBySortOrderAscIdAsc().stream().map(OrgService::node).toList();
        return treeOrder(all.stream().filter(u -> u.active() && canManage(user, u)).toList());
    }

    @PreAuthorize("isAuthenticated()")
    public Optional<UnitNode> unit(long id) {
        MingzeUser user = CurrentUser.require();
        return units.findById(id).map(OrgService::node).filter(u -> canRead(user, u));
    }

    /**
     * A unit whoever asks, for other modules' background jobs (reminders, escalation) that run without a signed-in
     * person; never for the browser.
     */
    public Optional<UnitNode> unitForSystem(long id) {
        return units.findById(id).map(OrgService::node);
    }

    /** True when the current person may change things that belong to this unit. */
    public boolean canManage(long unitId) {
        return CurrentUser.get().flatMap(u -> units.findById(unitId).map(n -> canManage(u, node(n)))).orElse(false);
    }

    /** True when the current person may read things that belong to this unit. */
    public boolean canRead(long unitId) {
        return CurrentUser.get().flatMap(u -> units.findById(unitId).map(n -> canRead(u, node(n)))).orElse(false);
    }

    /** Throws AccessDeniedException unless the current person may manage the unit. */
    public void requireManage(long unitId) {
        if (!canManage(unitId)) {
            throw new AccessDeniedException("unit " + unitId + " is outside your scope");
        }
    }

    /** The ids of a unit and all units below it. */
    public List<Long> subtreeIds(long unitId) {
        return units.findById(unitId).map(u -> units.findSubtree(u.getPath()).stream().map(Unit::getId).toList())
                .orElse(List.of());
    }

    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    @Transactional
    public UnitNode createUnit(String name, UnitKind kind, Long parentId) {
        String clean = name == null ? "" : name.trim();
        List<Problem> problems = new ArrayList<>();
        if (clean.isEmpty() || clean.length() > 100) {
            problems.add(Problem.of("name", "unit.error.name"));
        }
        if (kind == null) {
            problems.add(Problem.of("kind", "unit.error.kind"));
        }
        Unit parent = null;
        if (parentId != null) {
            parent = units.findById(parentId).orElse(null);
            if (parent == null || !parent.isActive()) {
                problems.add(Problem.of("parent", "unit.error.parent"));
            } else if (kind != null && !parent.getKind().mayContain(kind)) {
                problems.add(Problem.of("kind", "unit.error.kind-under-parent"));
            }
        } else if (kind != null && kind != UnitKind.COMMITTEE) {
            problems.add(Problem.of("parent", "unit.error.root-must-be-committee"));
        }
        if (problems.isEmpty() && duplicateName(parentId, clean, -1L)) {
            problems.add(Problem.of("name", "unit.error.duplicate", clean));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        int order = parentId == null ? 0 : units.findByParentId(parentId).size();
        Unit unit = units.saveAndFlush(new Unit(clean, kind, parentId, order));
        unit.placeUnder(parent == null ? null : parent.getPath());
        audit.record("UNIT_CREATE", "unit", unit.getId(), clean + " (" + kind + ")");
        return node(unit);
    }

    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    @Transactional
    public UnitNode renameUnit(long id, String name) {
        Unit unit = units.findById(id).orElseThrow(() -> new ValidationException(Problem.of("id", "unit.error.missing")));
        String clean = name == null ? "" : name.trim();
        if (clean.isEmpty() || clean.length() > 100) {
            throw new ValidationException(Problem.of("name", "unit.error.name"));
        }
        if (duplicateName(unit.getParentId(), clean, id)) {
            throw new ValidationException(Problem.of("name", "unit.error.duplicate", clean));
        }
        String old = unit.getName();
        unit.setName(clean);
        audit.record("UNIT_UPDATE", "unit", id, old + " -> " + clean);
        return node(unit);
    }

    /** Deactivates a unit that no longer has active members or active sub-units. */
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    @Transactional
    public void deactivateUnit(long id) {
        Unit unit = units.findById(id).orElseThrow(() -> new ValidationException(Problem.of("id", "unit.error.missing")));
        if (units.findByParentId(id).stream().anyMatch(Unit::isActive)) {
            throw new ValidationException(Problem.of("id", "unit.error.has-children"));
        }
        long active = members.countByUnitIdAndActiveTrue(id);
        if (active > 0) {
            throw new ValidationException(Problem.of("id", "unit.error.has-members", active));
        }
        unit.setActive(false);
        audit.record("UNIT_DEACTIVATE", "unit", id, unit.getName());
    }

    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    @Transactional
    public void reactivateUnit(long id) {
        Unit unit = units.findById(id).orElseThrow(() -> new ValidationException(Problem.of("id", "unit.error.missing")));
        unit.setActive(true);
        audit.record("UNIT_REACTIVATE", "unit", id, unit.getName());
    }

    private boolean duplicateName(Long parentId, String name, Long exceptId) {
        return parentId == null ? units.existsByParentIdIsNullAndNameAndIdNot(name, exceptId)
                : units.existsByParentIdAndNameAndIdNot(parentId, name, exceptId);
    }

    boolean canManage(MingzeUser user, UnitNode unit) {
        if (user.has(Role.ADMIN)) {
            return true;
        }
        return user.has(Role.ORGANIZER) && scope(user).map(s -> unit.path().startsWith(s.getPath())).orElse(false);
    }

    boolean canRead(MingzeUser user, UnitNode unit) {
        if (user.has(Role.ADMIN) || user.has(Role.AUDITOR)) {
            return true;
        }
        if (canManage(user, unit)) {
            return true;
        }
        // anyone sees the units on the path to their own (their branch, its committee)
        return ownUnitPath(user).map(p -> p.startsWith(unit.path())).orElse(false);
    }

    private Optional<Unit> scope(MingzeUser user) {
        return user.scopeUnitId() == null ? Optional.empty() : units.findById(user.scopeUnitId());
    }

    private Optional<String> ownUnitPath(MingzeUser user) {
        if (user.memberId() == null) {
            return Optional.empty();
        }
        return members.findById(user.memberId()).flatMap(m -> units.findById(m.getUnitId())).map(Unit::getPath);
    }

    static UnitNode node(Unit u) {
        return new UnitNode(u.getId(), u.getName(), u.getKind(), u.getParentId(), u.getPath(), u.getSortOrder(),
                u.isActive());
    }

    /** Orders units depth-first by sort order so that a flat list reads as a tree. */
    static List<UnitNode> treeOrder(List<UnitNode> nodes) {
        Map<Long, UnitNode> byId = nodes.stream().collect(Collectors.toMap(UnitNode::id, Function.identity()));
        Map<Long, List<UnitNode>> children = nodes.stream().filter(n -> n.parentId() != null
                && byId.containsKey(n.parentId())).collect(Collectors.groupingBy(UnitNode::parentId));
        List<UnitNode> out = new ArrayList<>();
        nodes.stream().filter(n -> n.parentId() == null || !byId.containsKey(n.parentId()))
                .forEach(root -> walk(root, children, out));
        return out;
    }

    private static void walk(UnitNode n, Map<Long, List<UnitNode>> children, List<UnitNode> out) {
        out.add(n);
        children.getOrDefault(n.id(), List.of()).forEach(c -> walk(c, children, out));
    }
}
