package org.mingze.api;

import java.util.Locale;

/**
 * Where {@code GET /api/officials/{employeeNo}/ledger} gets an official's 考核台帐 (decision 0016). The ledger module
 * is built in parallel; until a bean implements this interface (at the merge: a small adapter over
 * {@code org.mingze.ledger.LedgerService.forSystem(memberId, year, locale)}), the endpoint answers 501 with a clear
 * message. The API has checked the token, its scope and the official's unit before calling.
 */
public interface OfficialLedgerSource {

    /** The official's ledger of one year, as a JSON-serialisable value (a record). */
    Object ledger(long memberId, int year, Locale locale);
}
