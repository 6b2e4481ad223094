package dev.backprop.evaluation;

/** Metrics on the training part and on the held-out part, side by side. */
public record EvaluatedVersion(Metrics train, Metrics test) {
}
