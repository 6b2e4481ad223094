package dev.backprop.evaluation;

/** One point of a ROC curve: predicting positive from {@code threshold} gives these rates. */
public record RocPoint(double threshold, double falsePositiveRate, double truePositiveRate) {
}
