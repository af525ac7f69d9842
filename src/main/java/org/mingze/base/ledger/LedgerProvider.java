package org.mingze.base.ledger;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A module's contribution to an official's ledger (考核台帐). Implement it as a Spring bean in any feature module;
 * the ledger collects all of them without knowing the modules (like {@code TodoProvider} for the home page).
 * The ledger has already checked that the reader may see this member's ledger, so an implementation reads the
 * member's records without a signed-in user (it is also called by the integration API and the evidence-pack PDF).
 * <p>
 * Keep an implementation cheap: one or two queries per call, never one per row.
 * <p>
 * Reminders ({@link LedgerSection#REMINDER}): the ledger itself lists every in-app notice the member received and
 * whether it was read. A module that knows how a reminder it sent was closed (the test taken, the session attended,
 * the make-up done) adds a REMINDER line with the <em>same day and title</em> as the notice it posted; the ledger
 * merges the two into one line (the outcomes joined).
 */
public interface LedgerProvider {

    /** The member's entries in that calendar year, in any order; the ledger sorts them. */
    List<LedgerEntry> ledgerEntries(long memberId, int year, Locale locale);

    /**
     * The calendar years in which this module has something for the member, for the ledger's year filter. The
     * default says nothing (the ledger always offers the current year).
     */
    default Set<Integer> ledgerYears(long memberId) {
        return Set.of();
    }
}
