package dev.backprop.model;

import java.util.ArrayList;
import java.util.List;

import dev.backprop.dataset.ColumnSchema;
import dev.backprop.preprocessing.FeatureEncoder;
import dev.backprop.preprocessing.PreprocessorFitter;

/** Draws a design as the course does: per layer the shapes in and out, weights, bias and parameter count. */
final class Summaries {

    private Summaries() {
    }

    static NetworkSummary of(List<ColumnSchema> features, NetworkDesign design) {
        List<InputColumn> inputs = design.image() != null
                ? List.of(new InputColumn(features.size() + " pixel columns", "image " + design.image().height() + "×"
                        + design.image().width() + "×" + design.image().channels(), features.size(), null))
                : PreprocessorFitter.plan(features).stream().map(Summaries::input).toList();
        List<LayerShape> layers = new ArrayList<>();
        Shapes.Shape shape = Shapes.input(design);
        int index = 1;
        for (NetworkDesign.HiddenLayer layer : design.hidden()) {
            Shapes.Shape out = Shapes.after(layer, shape);
            layers.add(shape(index++, layer, shape, out));
            shape = out;
        }
        NetworkDesign.HiddenLayer output = new NetworkDesign.HiddenLayer("output", design.outputs(), design.outputActivation(), 0);
        layers.add(shape(index, output, shape, Shapes.after(output, shape)));
        return new NetworkSummary(design.inputs(), inputs, layers, layers.stream().mapToLong(LayerShape::parameters).sum());
    }

    static long parameterCount(NetworkDesign design) {
        long total = 0;
        Shapes.Shape shape = Shapes.input(design);
        for (NetworkDesign.HiddenLayer layer : design.hidden()) {
            total += Shapes.parameters(layer, shape);
            shape = Shapes.after(layer, shape);
        }
        return total + (long) shape.size() * design.outputs() + design.outputs();
    }

    private static LayerShape shape(int index, NetworkDesign.HiddenLayer layer, Shapes.Shape in, Shapes.Shape out) {
        long parameters = Shapes.parameters(layer, in);
        int[] weights = null;
        Integer bias = null;
        if (layer.isConvolution()) {
            weights = new int[] {layer.kernel()[0], layer.kernel()[1], in.channels(), layer.units()};
            bias = layer.units();
        } else if (layer.isMaxout()) {
            weights = new int[] {in.size(), layer.units() * layer.pieces()};
            bias = layer.units() * layer.pieces();
        } else if (!layer.isDropout() && !layer.isBatchNorm() && !layer.isPooling() && !layer.isFlatten()) {
            weights = new int[] {in.size(), layer.units()};
            bias = layer.units();
        }
        return new LayerShape(index, layer.type(), layer.activation(), layer.isDropout() ? layer.dropRate() : null,
                in.size(), out.size(), in.isImage() ? in.dimensions() : null, out.isImage() ? out.dimensions() : null,
                layer.kernel(), layer.stride(), weights, bias, parameters);
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
