package dev.backprop.model;

import java.util.List;

/** The whole network: inputs by column, each layer's shapes, and the total number of trainable parameters. */
public record NetworkSummary(int inputSize, List<InputColumn> inputs, List<LayerShape> layers, long totalParameters) {
}
