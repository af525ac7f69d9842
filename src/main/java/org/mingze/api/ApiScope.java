package org.mingze.api;

/** What an API token may call. */
public enum ApiScope {
    /** {@code GET /api/officials/{employeeNo}/ledger}: an official's 考核台帐. */
    LEDGER,
    /** {@code GET /api/reviews/{batchId}}: an appointment review batch with its candidates. */
    REVIEWS;

    public String labelKey() {
        return "api.scope." + name();
    }
}
