package org.mingze.search;

import java.time.Instant;

/**
 * The state of the search index for administrators.
 *
 * @param folder      where it lives on disk, or null when it is kept in memory
 * @param building    a full rebuild is running; {@code done} of {@code total} sources (materials and
 *                    questions) are indexed
 * @param lastRebuild the end of the last full rebuild since the start, or null
 * @param lastError   the last failure of the indexer, or null
 */
public record IndexStatus(int documents, long sizeBytes, String folder, int formatVersion, boolean building,
                          int done, int total, Instant lastRebuild, long lastRebuildMillis, String lastError) {
}
