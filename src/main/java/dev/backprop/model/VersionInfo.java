package dev.backprop.model;

import java.time.Instant;

import dev.backprop.evaluation.EvaluatedVersion;
import dev.backprop.preprocessing.Preprocessor;

/** A trained version: where it came from, its metrics, and the preprocessing it applies. */
public record VersionInfo(long modelId, int version, long trainingJobId, Instant createdAt, EvaluatedVersion metrics,
        Preprocessor preprocessing) {
}
