package org.mingze.library;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.security.MingzeUser;
import org.mingze.base.security.Role;
import org.mingze.base.security.Roles;
import org.mingze.base.validation.Problem;
import org.mingze.base.validation.ValidationException;
import org.mingze.library.internal.Catalog;
import org.mingze.library.internal.LibraryProperties;
import org.mingze.library.internal.Material;
import org.mingze.library.internal.MaterialStateRepository;
import org.mingze.library.internal.StudyCompletion;
import org.mingze.library.internal.StudyCompletionRepository;
import org.mingze.library.internal.StudyTime;
import org.mingze.library.internal.StudyTimeRepository;
import org.mingze.org.MemberFilter;
import org.mingze.org.MemberRow;
import org.mingze.org.MemberService;
import org.mingze.org.OrgService;
import org.springframework.data.domain.Page;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Study records: time spent reading (学时) and materials marked studied.
 *
 * <p>Time is measured by the server between heartbeats of a visible, active reader page: the browser only says
 * "still reading", never for how long. A gap longer than two heartbeat intervals earns nothing (the person left);
 * time is measured per person, not per tab, so two open tabs do not count twice; and a material earns at most 1.5 ×
 * its expected minutes per person and day.
 *
 * <p>Time alone never marks a material studied: that takes understanding, shown by a passed check quiz
 * ({@link #markStudied}, called by the quiz module) or a confirmed reading.
 */
@Service
@Transactional(readOnly = true)
public class StudyService {

    /** Credited time per material and day is capped at this multiple of its expected minutes. */
    public static final double DAILY_CAP_FACTOR = 1.5;

    private static final int MEMBER_PAGE = 500;

    private final Catalog catalog;
    private final StudyTimeRepository times;
    private final StudyCompletionRepository completions;
    private final MaterialStateRepository states;
    private final MemberService members;
    private final OrgService org;
    private final LibraryProperties props;
    private final Clock clock;
    private final TransactionTemplate tx;
    /** The last heartbeat (or start of reading) of each person, whatever the material or tab. */
    private final ConcurrentMap<Long, Instant> lastBeat = new ConcurrentHashMap<>();
    private final ConcurrentMap<Long, Object> locks = new ConcurrentHashMap<>();

    StudyService(Catalog catalog, StudyTimeRepository times, StudyCompletionRepository completions,
                 MaterialStateRepository states, MemberService members, OrgService org, LibraryProperties props,
                 Clock clock, PlatformTransactionManager txm) {
        this.catalog = catalog;
        this.times = times;
        this.completions = completions;
        this.states = states;
        this.members = members;
        this.org = org;
        this.props = props;
        this.clock = clock;
        this.tx = new TransactionTemplate(txm);
    }

    /** The heartbeat interval the reader page should use. */
    public Duration heartbeatInterval() {
        return props.heartbeatInterval();
    }

    /**
     * The signed-in person (re)starts reading: the page became visible, or was opened. Earns nothing by itself; the
     * next heartbeat earns the time since.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void startReading(String materialId) {
        Long member = memberId();
        if (member != null && readable(materialId) != null) {
            synchronized (lock(member)) {
                lastBeat.put(member, clock.instant());
            }
        }
    }

    /**
     * The signed-in person's reader page says it is still visible and in use. Credits the time since their
     * previous heartbeat (if at most two intervals ago) to this material and today, within the daily cap.
     *
     * @return the seconds credited (0 when nothing was)
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(propagation = Propagation.NOT_SUPPORTED) // its own short transaction, inside the person's lock
    public int heartbeat(String materialId) {
        Long member = memberId();
        Material material = readable(materialId);
        if (member == null || material == null) {
            return 0;
        }
        synchronized (lock(member)) {
            Instant now = clock.instant();
            Instant previous = lastBeat.put(member, now);
            if (previous == null) {
                return 0;
            }
            long gap = Duration.between(previous, now).getSeconds();
            if (gap <= 0 || gap > 2 * props.heartbeatInterval().getSeconds()) {
                return 0;
            }
            LocalDate day = LocalDate.ofInstant(now, clock.getZone());
            int cap = dailyCapSeconds(material.minutes());
            Integer credited = tx.execute(status -> {
                StudyTime row = times.findByMemberIdAndMaterialIdAndStudyDay(member, material.id(), day)
                        .orElseGet(() -> new StudyTime(member, material.id(), day, now));
                int credit = (int) Math.min(gap, Math.max(0, cap - row.getSeconds()));
                if (credit > 0) {
                    row.add(credit, now);
                    times.save(row);
                }
                return credit;
            });
            return credited == null ? 0 : credited;
        }
    }

    /** The most a material can earn per person and day: 1.5 × its expected minutes, in seconds. */
    public static int dailyCapSeconds(int minutes) {
        return (int) Math.round(minutes * 60 * DAILY_CAP_FACTOR);
    }

    /**
     * Marks a material studied for a person: for other modules (the quiz module, when its check quiz is passed),
     * never for the browser. Idempotent per way; returns whether this was new.
     */
    @Transactional
    public boolean markStudied(long memberId, String materialId, StudyHow how) {
        if (materialId == null || materialId.isBlank() || materialId.length() > 200 || how == null) {
            throw new ValidationException(Problem.of("materialId", "library.error.missing", String.valueOf(materialId)));
        }
        if (completions.existsByMemberIdAndMaterialIdAndHow(memberId, materialId, how)) {
            return false;
        }
        completions.save(new StudyCompletion(memberId, materialId, how, clock.instant()));
        return true;
    }

    /**
     * The ids of the materials a person has been marked as having studied (by a check quiz or a confirmed reading): for
     * other modules (the schedule's make-up study), never for the browser.
     */
    public java.util.Set<String> studiedMaterials(long memberId) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        completions.findByMemberIdIn(List.of(memberId)).forEach(c -> ids.add(c.getMaterialId()));
        return ids;
    }

    /** The signed-in person's own study. Empty for an account without a member (a pure system account). */
    @PreAuthorize("isAuthenticated()")
    public StudyOverview myStudy() {
        MingzeUser user = CurrentUser.require();
        if (user.memberId() == null) {
            return new StudyOverview(0, user.displayName(), 0, List.of(), List.of());
        }
        return overview(user.memberId(), user.displayName());
    }

    /** One member's study, for organisers of the member's unit (or above), administrators and auditors. */
    @PreAuthorize("hasAnyRole('" + Roles.ORGANIZER + "','" + Roles.ADMIN + "','" + Roles.AUDITOR + "')")
    public StudyOverview memberStudy(long memberId) {
        MemberRow m = members.member(memberId).orElseThrow(() -> new AccessDeniedException("member " + memberId));
        requireScope(m.unitId());
        return overview(m.id(), m.name());
    }

    /**
     * The members of a unit's subtree (null: everyone in the person's scope) with their study time in a month (null:
     * all time). Organisers see their own units only; administrators and auditors see all.
     */
    @PreAuthorize("hasAnyRole('" + Roles.ORGANIZER + "','" + Roles.ADMIN + "','" + Roles.AUDITOR + "')")
    public List<MemberStudyRow> records(Long unitId, YearMonth month) {
        if (unitId != null) {
            requireScope(unitId);
        }
        List<MemberRow> rows = new ArrayList<>();
        int page = 0;
        Page<MemberRow> p;
        do {
            p = members.search(new MemberFilter(null, unitId, true, null), page++, MEMBER_PAGE);
            rows.addAll(p.getContent());
        } while (p.hasNext());
        MingzeUser user = CurrentUser.require();
        if (!user.has(Role.ADMIN) && !user.has(Role.AUDITOR)) {
            // last line of defence: an organiser sees only members of units they manage
            Map<Long, Boolean> manageable = new HashMap<>();
            rows.removeIf(r -> !manageable.computeIfAbsent(r.unitId(), org::canManage));
        }
        LocalDate from = month == null ? LocalDate.of(1900, 1, 1) : month.atDay(1);
        LocalDate to = month == null ? LocalDate.of(9999, 1, 1) : month.plusMonths(1).atDay(1);
        Map<Long, Object[]> totals = new HashMap<>();
        Map<Long, Integer> studied = new HashMap<>();
        List<Long> ids = rows.stream().map(MemberRow::id).toList();
        for (int i = 0; i < ids.size(); i += MEMBER_PAGE) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + MEMBER_PAGE));
            for (Object[] r : times.totalsByMember(chunk, from, to)) {
                totals.put((Long) r[0], r);
            }
            for (StudyCompletion c : completions.findByMemberIdIn(chunk)) {
                LocalDate day = LocalDate.ofInstant(c.getCompletedAt(), clock.getZone());
                if (!day.isBefore(from) && day.isBefore(to)) {
                    studied.merge(c.getMemberId(), 1, Integer::sum);
                }
            }
        }
        return rows.stream().map(r -> {
            Object[] t = totals.get(r.id());
            return new MemberStudyRow(r.id(), r.name(), r.employeeNo(), r.unitName(),
                    t == null ? 0 : ((Number) t[1]).longValue(), studied.getOrDefault(r.id(), 0),
                    t == null ? null : (LocalDate) t[2]);
        }).toList();
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private StudyOverview overview(long memberId, String name) {
        TreeMap<YearMonth, Long> months = new TreeMap<>(Comparator.reverseOrder());
        long total = 0;
        for (Object[] r : times.totalsByDay(memberId)) {
            long s = ((Number) r[1]).longValue();
            months.merge(YearMonth.from((LocalDate) r[0]), s, Long::sum);
            total += s;
        }
        Map<String, StudyCompletion> done = new HashMap<>();
        for (StudyCompletion c : completions.findByMemberId(memberId)) {
            done.merge(c.getMaterialId(), c, (a, b) -> a.getHow() == StudyHow.QUIZ ? a : b.getHow() == StudyHow.QUIZ
                    ? b : a.getCompletedAt().isBefore(b.getCompletedAt()) ? a : b);
        }
        Map<String, StudyOverview.MaterialStudy> perMaterial = new HashMap<>();
        for (Object[] r : times.totalsByMaterial(memberId)) {
            String id = (String) r[0];
            StudyCompletion c = done.get(id);
            perMaterial.put(id, new StudyOverview.MaterialStudy(id, title(id), ((Number) r[1]).longValue(),
                    (LocalDate) r[2], c == null ? null : c.getHow(), c == null ? null : c.getCompletedAt()));
        }
        for (StudyCompletion c : done.values()) {
            perMaterial.computeIfAbsent(c.getMaterialId(), id -> new StudyOverview.MaterialStudy(id, title(id), 0,
                    null, c.getHow(), c.getCompletedAt()));
        }
        List<StudyOverview.MaterialStudy> list = new ArrayList<>(perMaterial.values());
        list.sort(Comparator.comparing((StudyOverview.MaterialStudy s) -> s.lastDay() == null ? LocalDate.MIN
                : s.lastDay()).reversed().thenComparing(StudyOverview.MaterialStudy::title));
        List<StudyOverview.MonthTotal> monthList = months.entrySet().stream()
                .map(e -> new StudyOverview.MonthTotal(e.getKey(), e.getValue())).toList();
        return new StudyOverview(memberId, name, total, monthList, List.copyOf(list));
    }

    private String title(String id) {
        Material m = catalog.current().byId().get(id);
        return m == null ? id : m.title();
    }

    private void requireScope(long unitId) {
        MingzeUser user = CurrentUser.require();
        if (user.has(Role.ADMIN) || user.has(Role.AUDITOR)) {
            return;
        }
        if (!org.canManage(unitId)) {
            throw new AccessDeniedException("unit " + unitId + " is outside your scope");
        }
    }

    private static Long memberId() {
        return CurrentUser.get().map(MingzeUser::memberId).orElse(null);
    }

    /** The material if it is loaded and the signed-in person may read it. */
    private Material readable(String materialId) {
        Material m = materialId == null ? null : catalog.current().byId().get(materialId);
        if (m == null) {
            return null;
        }
        if (!CurrentUser.has(Role.ADMIN) && states.findById(materialId).map(s -> s.isArchived()).orElse(false)) {
            return null;
        }
        return m;
    }

    private Object lock(long member) {
        return locks.computeIfAbsent(member, k -> new Object());
    }

    /** For tests: forget every person's last heartbeat. */
    void forgetHeartbeats() {
        lastBeat.clear();
    }

    Optional<Instant> lastHeartbeat(long memberId) {
        return Optional.ofNullable(lastBeat.get(memberId));
    }
}
