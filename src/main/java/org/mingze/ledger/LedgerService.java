package org.mingze.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.ledger.LedgerEntry;
import org.mingze.base.ledger.LedgerProvider;
import org.mingze.base.ledger.LedgerSection;
import org.mingze.base.ledger.StudyTimeByMonth;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.security.MingzeUser;
import org.mingze.base.security.Role;
import org.mingze.base.security.Roles;
import org.mingze.ledger.internal.EvidencePdf;
import org.mingze.org.MemberFilter;
import org.mingze.org.MemberRow;
import org.mingze.org.MemberService;
import org.mingze.org.OrgService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger (考核台帐) of an official: collects every module's {@link LedgerProvider} lines of a calendar year.
 * <p>
 * Who may read whose ledger: everyone their own; an organiser the members of the units they manage (their scope
 * unit and everything below it); an auditor everyone. Anyone else is refused, administrators included (they run
 * the system, not assessments) unless they also hold one of those roles. Reading someone else's ledger is audited
 * (LEDGER_READ), and so is every evidence pack (LEDGER_EXPORT).
 */
@Service
@Transactional(readOnly = true)
public class LedgerService {

    /** The most members {@link #pickable} returns. */
    public static final int MAX_PICK = 50;

    private final List<LedgerProvider> providers;
    private final ObjectProvider<StudyTimeByMonth> studyTime;
    private final MemberService members;
    private final OrgService org;
    private final AuditLog audit;
    private final EvidencePdf pdf;
    private final Clock clock;

    LedgerService(List<LedgerProvider> providers, ObjectProvider<StudyTimeByMonth> studyTime, MemberService members,
                  OrgService org, AuditLog audit, EvidencePdf pdf, Clock clock) {
        this.providers = providers;
        this.studyTime = studyTime;
        this.members = members;
        this.org = org;
        this.audit = audit;
        this.pdf = pdf;
        this.clock = clock;
    }

    /** The signed-in person's member id, or null for an account without a member (no ledger of its own). */
    @PreAuthorize("isAuthenticated()")
    public Long myMemberId() {
        return CurrentUser.require().memberId();
    }

    /**
     * The signed-in person's own ledger of that year.
     *
     * @throws AccessDeniedException the account belongs to no member
     */
    @PreAuthorize("isAuthenticated()")
    public Ledger mine(int year, Locale locale) {
        Long me = myMemberId();
        if (me == null) {
            throw new AccessDeniedException("this account has no member, so no ledger");
        }
        return build(members.memberForSystem(me).orElseThrow(() -> new AccessDeniedException("member " + me)),
                year, locale);
    }

    /**
     * A member's ledger of that year: one's own, or as organiser of their unit, or as auditor. Reading someone
     * else's is audited (LEDGER_READ).
     *
     * @throws AccessDeniedException the reader may not see it (or the member does not exist: not told apart)
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public Ledger of(long memberId, int year, Locale locale) {
        MemberRow m = readable(memberId);
        Ledger ledger = build(m, year, locale);
        if (!isSelf(memberId)) {
            audit.record("LEDGER_READ", "member", memberId, m.name() + " " + year);
        }
        return ledger;
    }

    /** Whether the signed-in person may read this member's ledger (for links and pickers; nothing is audited). */
    @PreAuthorize("isAuthenticated()")
    public boolean canRead(long memberId) {
        try {
            readable(memberId);
            return true;
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    /**
     * The years a member's ledger has records in, newest first, always with the current year: for the year filter.
     */
    @PreAuthorize("isAuthenticated()")
    public List<Integer> years(long memberId) {
        readable(memberId);
        Set<Integer> years = new TreeSet<>(Comparator.reverseOrder());
        providers.forEach(p -> years.addAll(p.ledgerYears(memberId)));
        years.add(LocalDate.now(clock).getYear());
        return List.copyOf(years);
    }

    /**
     * The evidence pack (述职纪实) of a member's year as a PDF with Chinese text embedded, for whoever may read the
     * ledger. Audited (LEDGER_EXPORT).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public byte[] evidencePack(long memberId, int year, Locale locale) {
        MemberRow m = readable(memberId);
        byte[] bytes = pdf.render(build(m, year, locale), locale);
        audit.record("LEDGER_EXPORT", "member", memberId, m.name() + " " + year + " (" + bytes.length + " B)");
        return bytes;
    }

    /**
     * Members whose ledger an organiser or auditor may open, matching a name, 警号 or post (at most
     * {@link #MAX_PICK}): an organiser's own units, an auditor's everyone.
     */
    @PreAuthorize("hasAnyRole('" + Roles.ORGANIZER + "','" + Roles.AUDITOR + "')")
    public List<MemberRow> pickable(String text) {
        MingzeUser user = CurrentUser.require();
        List<MemberRow> found = members.search(new MemberFilter(text, null, true, null), 0, MAX_PICK).getContent();
        if (user.has(Role.AUDITOR)) {
            return found;
        }
        return found.stream().filter(r -> org.canManage(r.unitId())).toList();
    }

    /**
     * A member's ledger with no check at all, for system callers such as the integration API: <strong>the caller
     * must have checked that whoever asks may see it</strong> (and audit the call). Nothing is audited here.
     *
     * @throws IllegalArgumentException no such member
     */
    public Ledger forSystem(long memberId, int year, Locale locale) {
        MemberRow m = members.memberForSystem(memberId)
                .orElseThrow(() -> new IllegalArgumentException("no member " + memberId));
        return build(m, year, locale);
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private boolean isSelf(long memberId) {
        Long me = CurrentUser.require().memberId();
        return me != null && me == memberId;
    }

    /** The member, if the signed-in person may read their ledger; else AccessDeniedException. */
    private MemberRow readable(long memberId) {
        MingzeUser user = CurrentUser.require();
        MemberRow m = members.memberForSystem(memberId)
                .orElseThrow(() -> new AccessDeniedException("member " + memberId));
        if (isSelf(memberId) || user.has(Role.AUDITOR)
                || user.has(Role.ORGANIZER) && org.canManage(m.unitId())) {
            return m;
        }
        throw new AccessDeniedException("the ledger of member " + memberId + " is outside your scope");
    }

    private Ledger build(MemberRow m, int year, Locale locale) {
        Map<LedgerSection, List<LedgerEntry>> by = new EnumMap<>(LedgerSection.class);
        for (LedgerSection s : LedgerSection.values()) {
            by.put(s, new ArrayList<>());
        }
        for (LedgerProvider p : providers) {
            for (LedgerEntry e : p.ledgerEntries(m.id(), year, locale)) {
                if (e.day() != null && e.day().getYear() == year) {
                    by.get(e.section()).add(e);
                }
            }
        }
        by.put(LedgerSection.REMINDER, mergeReminders(by.get(LedgerSection.REMINDER)));
        Comparator<LedgerEntry> order = Comparator.comparing(LedgerEntry::day)
                .thenComparing(LedgerEntry::title, Comparator.nullsFirst(Comparator.naturalOrder()));
        List<Ledger.Section> sections = new ArrayList<>();
        Map<LedgerSection, Integer> counts = new EnumMap<>(LedgerSection.class);
        by.forEach((s, list) -> {
            list.sort(order);
            sections.add(new Ledger.Section(s, List.copyOf(list)));
            counts.put(s, list.size());
        });
        Map<Integer, Long> seconds = studyTime.orderedStream().findFirst()
                .map(st -> st.studySecondsByMonth(m.id(), year)).orElse(Map.of());
        List<Ledger.MonthStudy> months = new ArrayList<>();
        long total = 0;
        for (int month = 1; month <= 12; month++) {
            long s = seconds.getOrDefault(month, 0L);
            total += s;
            months.add(new Ledger.MonthStudy(month, Math.round(s / 60.0)));
        }
        return new Ledger(m.id(), m.name(), m.employeeNo(), m.unitName(), m.post(), year, List.copyOf(sections),
                List.copyOf(months), new Ledger.Totals(Math.round(total / 60.0), Map.copyOf(counts)), clock.instant());
    }

    /**
     * Reminder lines with the same day and title are one reminder seen from two sides (the notice, and the module
     * that knows how it was closed): one line, with the details and outcomes joined and the first link.
     */
    static List<LedgerEntry> mergeReminders(List<LedgerEntry> lines) {
        Map<List<Object>, List<LedgerEntry>> groups = new LinkedHashMap<>();
        for (LedgerEntry e : lines) {
            groups.computeIfAbsent(List.of(e.day(), Objects.toString(e.title(), "")), k -> new ArrayList<>()).add(e);
        }
        List<LedgerEntry> out = new ArrayList<>();
        for (List<LedgerEntry> g : groups.values()) {
            if (g.size() == 1) {
                out.add(g.get(0));
                continue;
            }
            LedgerEntry first = g.get(0);
            out.add(new LedgerEntry(first.section(), first.day(), first.title(), join(g, LedgerEntry::detail),
                    join(g, LedgerEntry::outcome), g.stream().map(LedgerEntry::link).filter(Objects::nonNull)
                    .findFirst().orElse(null)));
        }
        return out;
    }

    private static String join(List<LedgerEntry> g, java.util.function.Function<LedgerEntry, String> part) {
        String s = g.stream().map(part).filter(x -> x != null && !x.isBlank()).distinct()
                .collect(Collectors.joining("；"));
        return s.isEmpty() ? null : s;
    }
}
