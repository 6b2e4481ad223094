package dev.backprop.model;

import java.util.List;

/**
 * A fully resolved network, ready to build: sizes known, names validated. The engine builds it; nothing here
 * depends on the engine.
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
        long seed) {

    /** A dense layer ({@code units}, {@code activation}) or a dropout layer ({@code dropRate}). */
    public record HiddenLayer(String type, int units, String activation, double dropRate) {

        public boolean isDropout() {
            return "dropout".equals(type);
        }
    }
}
