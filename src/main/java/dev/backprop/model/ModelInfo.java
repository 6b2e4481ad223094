package dev.backprop.model;

import java.time.Instant;

/** A model as the rest of the service sees it. {@code latestVersion} is null until a training succeeds. */
public record ModelInfo(long id, String name, long datasetId, boolean datasetDeleted, ModelDefinition definition,
        NetworkSummary network, Instant createdAt, Integer latestVersion) {
}
