package dev.backprop.evaluation;

import java.util.List;

/** {@code counts[actual][predicted]}, rows and columns in the order of {@code labels}. */
public record ConfusionMatrix(List<String> labels, long[][] counts) {
}
