package dev.backprop.model;

import dev.backprop.preprocessing.Preprocessor;

/** What prediction needs to rebuild a trained version: identity, preprocessing and serialised parameters. */
public record StoredVersion(long modelId, long versionId, int version, Preprocessor preprocessor, byte[] parameters) {
}
