package dev.backprop.dataset;

import java.time.Instant;

/** A stored dataset as other features and the web layer see it. */
public record DatasetInfo(
        long id,
        String name,
        String filename,
        long sizeBytes,
        long rows,
        int columns,
        String sha256,
        Instant createdAt,
        DatasetSchema schema) {
}
