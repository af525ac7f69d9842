package org.mingze.base.audit;

/**
 * The outcome of verifying the audit chain.
 *
 * @param intact       true when every entry links to its predecessor and hashes to what it stores
 * @param checked      how many entries were read
 * @param firstBrokenId the first entry that does not verify (null when intact)
 * @param problem      what is wrong with it, as an i18n key (null when intact)
 */
public record ChainReport(boolean intact, long checked, Long firstBrokenId, String problem) {
}
