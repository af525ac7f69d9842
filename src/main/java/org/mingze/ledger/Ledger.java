package org.mingze.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.mingze.base.ledger.LedgerEntry;
import org.mingze.base.ledger.LedgerSection;

/**
 * An official's ledger (考核台帐) of one calendar year, as the page, the evidence pack and the integration API show
 * it.
 *
 * @param memberId     the member
 * @param name         their name
 * @param employeeNo   警号
 * @param unitName     their unit
 * @param post         their post (职务), or null
 * @param year         the calendar year
 * @param sections     every section in {@link LedgerSection} order, each with its lines oldest first (may be empty)
 * @param studyByMonth study minutes for each month 1..12 (twelve entries, zero when nothing was studied)
 * @param totals       a few figures of the year
 * @param generatedAt  when this was put together
 */
public record Ledger(long memberId, String name, String employeeNo, String unitName, String post, int year,
                     List<Section> sections, List<MonthStudy> studyByMonth, Totals totals, Instant generatedAt) {

    /** One section with its lines. */
    public record Section(LedgerSection section, List<LedgerEntry> entries) {
    }

    /** Study minutes (学时) of one month (1..12). */
    public record MonthStudy(int month, long minutes) {
    }

    /**
     * Figures of the year.
     *
     * @param studyMinutes all study minutes of the year
     * @param entries      the number of lines per section
     */
    public record Totals(long studyMinutes, Map<LedgerSection, Integer> entries) {
        public int count(LedgerSection s) {
            return entries.getOrDefault(s, 0);
        }
    }

    /** The lines of one section (empty if it has none). */
    public List<LedgerEntry> entries(LedgerSection s) {
        return sections.stream().filter(x -> x.section() == s).findFirst().map(Section::entries).orElse(List.of());
    }
}
