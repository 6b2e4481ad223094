package dev.backprop.model;

import java.util.List;

import dev.backprop.shared.Violation;

/** Validates convolution and pooling layers against the image shape that reaches them. */
final class Convolutions {

    private static final List<String> PADDINGS = List.of("valid", "same");

    private Convolutions() {
    }

    static void resolve(String type, ModelDefinition.Layer layer, String path, Shapes.Shape in,
            List<NetworkDesign.HiddenLayer> hidden, List<ModelDefinition.Layer> resolved, List<Violation> problems) {
        boolean convolution = type.equals("convolution");
        if (!in.isImage()) {
            problems.add(new Violation(path + ".type", type + " works on images: declare the input's shape with"
                    + " \"image\": {\"height\": 28, \"width\": 28, \"channels\": 1}, and put convolution and pooling"
                    + " layers before flatten and dense layers"));
            return;
        }
        int[] kernel = pair(path + ".kernel", layer.kernel(), convolution ? 3 : 2, problems);
        int[] stride = pair(path + ".stride", layer.stride(), convolution ? 1 : kernel[0], problems);
        if (layer.stride() == null && !convolution) {
            stride = kernel.clone();
        }
        String padding = layer.padding() == null ? "valid" : layer.padding();
        TrainingResolver.check(path + ".padding", padding, PADDINGS, "padding", problems);
        if (padding.equals("valid") && (kernel[0] > in.height() || kernel[1] > in.width())) {
            problems.add(new Violation(path + ".kernel", "a " + kernel[0] + "×" + kernel[1] + " window does not fit the "
                    + in.height() + "×" + in.width() + " image that reaches this layer; use a smaller kernel or padding same"));
        }
        int filters = 0;
        String activation = null;
        if (convolution) {
            if (layer.filters() == null) {
                problems.add(new Violation(path + ".filters", "required for a convolution: the number of filters, e.g. 16"));
            } else if (layer.filters() < 1 || layer.filters() > 1024) {
                problems.add(new Violation(path + ".filters", "must be between 1 and 1024; got " + layer.filters()));
            }
            filters = layer.filters() == null ? 1 : Math.max(1, layer.filters());
            activation = layer.activation() == null ? "relu" : layer.activation();
            TrainingResolver.check(path + ".activation", activation, Vocabulary.ACTIVATIONS, "activation", problems);
        } else if (layer.filters() != null || layer.activation() != null) {
            problems.add(new Violation(path, "a pooling layer takes kernel, stride and padding only"));
        }
        if (layer.units() != null || layer.rate() != null) {
            problems.add(new Violation(path, type + " takes no units or rate"));
        }
        hidden.add(new NetworkDesign.HiddenLayer(type, filters, activation == null ? null
                : Vocabulary.canonicalActivation(activation), 0, null, null, kernel, stride, padding, 0));
        resolved.add(new ModelDefinition.Layer(type, null, activation, null, null, null,
                convolution ? filters : null, List.of(kernel[0], kernel[1]), List.of(stride[0], stride[1]), padding, null));
    }

    private static int[] pair(String path, List<Integer> given, int fallback, List<Violation> problems) {
        if (given == null) {
            return new int[] {fallback, fallback};
        }
        if (given.size() != 2 || given.stream().anyMatch(v -> v == null || v < 1 || v > 64)) {
            problems.add(new Violation(path, "must be [height, width], each between 1 and 64; got " + given));
            return new int[] {fallback, fallback};
        }
        return new int[] {given.get(0), given.get(1)};
    }
}
