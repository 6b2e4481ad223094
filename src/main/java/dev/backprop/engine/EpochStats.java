package dev.backprop.engine;

/** Loss (and accuracy, for classification) on both parts after one epoch. */
public record EpochStats(int epoch, double trainLoss, double testLoss, Double trainAccuracy, Double testAccuracy) {
}
