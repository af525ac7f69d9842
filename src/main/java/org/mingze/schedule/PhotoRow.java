package org.mingze.schedule;

import java.time.Instant;

/** A photo of a held session; its bytes come from {@link PhotoService#image} and {@link PhotoService#thumbnail}. */
public record PhotoRow(long id, long sessionId, String originalName, String format, long sizeBytes, int width,
                       int height, String uploadedBy, Instant uploadedAt) {
}
