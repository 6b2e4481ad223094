package dev.backprop.engine;

/** Encoded inputs and expected outputs for the training part and the held-out part. */
public record TrainingData(float[][] trainX, float[][] trainY, float[][] testX, float[][] testY) {
}
