package org.mingze.base.ledger;

import java.util.List;
import java.util.Locale;

/**
 * A module's contribution to an official's ledger (考核台帐). Implement it as a Spring bean in any feature module;
 * the ledger collects all of them without knowing the modules (like {@code TodoProvider} for the home page).
 * The ledger has already checked that the reader may see this member's ledger, so an implementation reads the
 * member's records without a signed-in user (it is also called by the integration API and the evidence-pack PDF).
 */
public interface LedgerProvider {

    /** The member's entries in that calendar year, in any order; the ledger sorts them. */
    List<LedgerEntry> ledgerEntries(long memberId, int year, Locale locale);
}
