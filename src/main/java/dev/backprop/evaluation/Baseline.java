package dev.backprop.evaluation;

/**
 * The one-neuron logistic-regression baseline (no hidden layers), trained on the same split and preprocessing as
 * the network, so the metrics show what the hidden layers bought.
 */
public record Baseline(String model, int epochs, Metrics train, Metrics test) {
}
