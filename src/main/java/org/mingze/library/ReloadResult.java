package org.mingze.library;

/** What re-reading content/materials found: materials loaded, problems in rejected files, and what changed. */
public record ReloadResult(int loaded, int rejected, int changed, int removed) {
}
