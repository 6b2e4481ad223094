package dev.backprop.model;

import java.util.List;

/**
 * A fully resolved network, ready to build: sizes known, names validated. The engine builds it; nothing here
 * depends on the engine. {@code batchSize} 0 means the whole training part per step.
 */
public record NetworkDesign(
        int inputs,
        List<HiddenLayer> hidden,
        int outputs,
        String outputActivation,
        String loss,
        String optimizer,
        double learningRate,
        double l2,
        int batchSize,
        int epochs,
        long seed,
        Training training,
        Image image) {

    public NetworkDesign(int inputs, List<HiddenLayer> hidden, int outputs, String outputActivation, String loss,
            String optimizer, double learningRate, double l2, int batchSize, int epochs, long seed) {
        this(inputs, hidden, outputs, outputActivation, loss, optimizer, learningRate, l2, batchSize, epochs, seed,
                Training.DEFAULTS, null);
    }

    public NetworkDesign(int inputs, List<HiddenLayer> hidden, int outputs, String outputActivation, String loss,
            String optimizer, double learningRate, double l2, int batchSize, int epochs, long seed, Training training) {
        this(inputs, hidden, outputs, outputActivation, loss, optimizer, learningRate, l2, batchSize, epochs, seed,
                training, null);
    }

    /**
     * The design of the logistic-regression baseline for this classifier: no hidden layers, a sigmoid (binary) or
     * softmax (multiclass) output with cross-entropy, Adam 0.01 in batches of {@code batchSize}, the same seed. Image
     * inputs are taken as the plain pixel vector they are.
     */
    public NetworkDesign logisticBaseline(int epochs, int batchSize) {
        boolean softmax = outputs > 1;
        return new NetworkDesign(inputs, List.of(), outputs, softmax ? "softmax" : "sigmoid",
                softmax ? "categorical_crossentropy" : "binary_crossentropy", "adam", 0.01, 0, batchSize, epochs, seed,
                Training.DEFAULTS, null);
    }

    /** The input is an image of this shape (the inputs are its pixels, row-major per channel). */
    public record Image(int height, int width, int channels) {
    }

    /**
     * The options beyond the basics. {@code classWeights} is per class in label order (null: all 1);
     * {@code scheduleType} is null for a constant learning rate; {@code earlyStopping} null means none.
     */
    public record Training(double l1, String weightInit, double momentum, String scheduleType, double decayRate,
            int decayEvery, Double gradientClipping, double[] classWeights, EarlyStop earlyStopping) {

        public static final Training DEFAULTS = new Training(0, "xavier", 0.9, null, 1, 1, null, null, null);
    }

    /** Stop after {@code patience} epochs without an improvement of more than {@code minDelta} in {@code monitor}. */
    public record EarlyStop(String monitor, int patience, double minDelta, boolean restoreBestWeights) {

        public boolean higherIsBetter() {
            return monitor.endsWith("accuracy");
        }
    }

    /**
     * A dense layer ({@code units}, {@code activation}), a maxout layer ({@code units} of {@code pieces} linear
     * pieces), a dropout layer ({@code dropRate}), batch normalisation, a
     * convolution ({@code units} filters of {@code kernel} size), max or average pooling, or a flatten marker.
     */
    public record HiddenLayer(String type, int units, String activation, double dropRate, Double alpha, String weightInit,
            int[] kernel, int[] stride, String padding, int pieces) {

        public HiddenLayer(String type, int units, String activation, double dropRate) {
            this(type, units, activation, dropRate, null, null, null, null, null, 0);
        }

        public HiddenLayer(String type, int units, String activation, double dropRate, Double alpha, String weightInit) {
            this(type, units, activation, dropRate, alpha, weightInit, null, null, null, 0);
        }

        public boolean isMaxout() {
            return "maxout".equals(type);
        }

        public boolean isConvolution() {
            return "convolution".equals(type);
        }

        public boolean isPooling() {
            return "max_pooling".equals(type) || "average_pooling".equals(type);
        }

        public boolean isFlatten() {
            return "flatten".equals(type);
        }

        public boolean isDropout() {
            return "dropout".equals(type);
        }

        public boolean isBatchNorm() {
            return "batch_norm".equals(type);
        }
    }
}
