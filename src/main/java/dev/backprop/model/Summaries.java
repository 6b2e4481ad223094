package dev.backprop.model;

import java.util.ArrayList;
import java.util.List;

import dev.backprop.dataset.ColumnSchema;
import dev.backprop.preprocessing.FeatureEncoder;
import dev.backprop.preprocessing.PreprocessorFitter;

/** Draws a design as the course does: per layer the sizes in and out, weight matrix, bias, parameter count. */
final class Summaries {

    private Summaries() {
    }

    static NetworkSummary of(List<ColumnSchema> features, NetworkDesign design) {
        List<InputColumn> inputs = PreprocessorFitter.plan(features).stream().map(Summaries::input).toList();
        List<LayerShape> layers = new ArrayList<>();
        int size = design.inputs();
        int index = 1;
        for (NetworkDesign.HiddenLayer layer : design.hidden()) {
            if (layer.isDropout()) {
                layers.add(new LayerShape(index++, "dropout", null, layer.dropRate(), size, size, null, null, 0));
            } else if (layer.isBatchNorm()) {
                // gamma and beta are learned; the running mean and variance are kept as parameters too (as in Keras).
                layers.add(new LayerShape(index++, "batch_norm", null, null, size, size, null, null, 4L * size));
            } else {
                layers.add(dense(index++, "dense", layer.activation(), size, layer.units()));
                size = layer.units();
            }
        }
        layers.add(dense(index, "output", design.outputActivation(), size, design.outputs()));
        return new NetworkSummary(design.inputs(), inputs, layers, layers.stream().mapToLong(LayerShape::parameters).sum());
    }

    static long parameterCount(NetworkDesign design) {
        long total = 0;
        long size = design.inputs();
        for (NetworkDesign.HiddenLayer layer : design.hidden()) {
            if (layer.isBatchNorm()) {
                total += 4 * size;
            } else if (!layer.isDropout()) {
                total += size * layer.units() + layer.units();
                size = layer.units();
            }
        }
        return total + size * design.outputs() + design.outputs();
    }

    private static LayerShape dense(int index, String type, String activation, int in, int out) {
        return new LayerShape(index, type, activation, null, in, out, new int[] {in, out}, out, (long) in * out + out);
    }

    private static InputColumn input(FeatureEncoder encoder) {
        return switch (encoder.kind()) {
            case NUMERIC -> new InputColumn(encoder.column(), "numeric, scaled", 1, null);
            case BOOLEAN -> new InputColumn(encoder.column(), "boolean as 0/1", 1, null);
            case ONE_HOT -> {
                List<String> levels = new ArrayList<>(encoder.levels());
                if (Boolean.TRUE.equals(encoder.missingLevel())) {
                    levels.add(FeatureEncoder.MISSING_LEVEL);
                }
                yield new InputColumn(encoder.column(), "one-hot", encoder.width(), levels);
            }
        };
    }
}
