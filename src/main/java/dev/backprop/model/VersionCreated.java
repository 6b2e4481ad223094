package dev.backprop.model;

/** Published when a model gains a trained version, so caches of "the latest version" can refresh. */
public record VersionCreated(long modelId, int version) {
}
