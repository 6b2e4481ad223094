package dev.backprop.model;

import java.util.ArrayList;
import java.util.List;

import dev.backprop.preprocessing.Task;
import dev.backprop.shared.Violation;

/** Validates and completes the network half of a definition: layers, output and loss; training via {@link TrainingResolver}. */
final class NetworkResolver {

    record Result(NetworkDesign design, List<ModelDefinition.Layer> layers, ModelDefinition.Output output,
            TrainingResolver.Result training) {
    }

    private static final List<ModelDefinition.Layer> DEFAULT_LAYERS =
            List.of(new ModelDefinition.Layer("dense", 32, "relu", null));

    private final ModelProperties limits;

    NetworkResolver(ModelProperties limits) {
        this.limits = limits;
    }

    /** {@code task} is null when it could not be determined; output checks are then skipped. */
    Result resolve(ModelDefinition definition, Task task, int inputs, List<String> labels, List<Violation> problems) {
        return resolve(definition, task, inputs, null, labels, problems);
    }

    Result resolve(ModelDefinition definition, Task task, int inputs, NetworkDesign.Image image, List<String> labels,
            List<Violation> problems) {
        TrainingResolver.Result training = new TrainingResolver(limits).resolve(definition, task, labels, problems);
        List<ModelDefinition.Layer> layers = definition.layers() == null ? DEFAULT_LAYERS : definition.layers();
        if (layers.size() > limits.maxLayers()) {
            problems.add(new Violation("$.layers", layers.size() + " hidden layers; the limit backprop.models.max-layers is "
                    + limits.maxLayers()));
        }
        List<NetworkDesign.HiddenLayer> hidden = new ArrayList<>();
        List<ModelDefinition.Layer> resolvedLayers = new ArrayList<>();
        Shapes.Shape shape = image == null ? Shapes.Shape.flat(inputs)
                : Shapes.Shape.image(image.height(), image.width(), image.channels());
        for (int i = 0; i < layers.size(); i++) {
            ModelDefinition.Layer layer = layers.get(i);
            String path = "$.layers[" + i + "]";
            if (layer == null || layer.type() == null) {
                problems.add(new Violation(path + ".type", "required; allowed: " + Vocabulary.LAYER_TYPES));
                continue;
            }
            String type = layer.type().replace('-', '_');
            int before = hidden.size();
            switch (type) {
                case "convolution", "max_pooling", "average_pooling" ->
                        Convolutions.resolve(type, layer, path, shape, hidden, resolvedLayers, problems);
                case "maxout" -> maxout(layer, path, image != null, training.training().weightInit(), hidden, resolvedLayers,
                        problems);
                case "flatten" -> {
                    hidden.add(new NetworkDesign.HiddenLayer("flatten", 0, null, 0));
                    resolvedLayers.add(new ModelDefinition.Layer("flatten", null, null, null));
                }
                case "dense" -> dense(layer, path, training.training().weightInit(), hidden, resolvedLayers, problems);
                case "dropout" -> dropout(layer, path, hidden, resolvedLayers, problems);
                case "batch_norm" -> {
                    if (layer.units() != null || layer.activation() != null || layer.rate() != null) {
                        problems.add(new Violation(path, "a batch_norm layer takes no units, activation or rate"));
                    }
                    hidden.add(new NetworkDesign.HiddenLayer("batch_norm", 0, null, 0));
                    resolvedLayers.add(new ModelDefinition.Layer("batch_norm", null, null, null));
                }
                default -> problems.add(new Violation(path + ".type", "unknown layer type '" + layer.type() + "'; allowed: "
                        + Vocabulary.LAYER_TYPES));
            }
            if (hidden.size() > before) {
                shape = Shapes.after(hidden.get(hidden.size() - 1), shape);
            }
        }
        Outputs.Choice output = Outputs.resolve(definition, task, labels.size(), problems);
        NetworkDesign design = new NetworkDesign(inputs, hidden, output.units(), output.activation(), output.loss(),
                training.optimizer().type(), training.learningRate(), training.l2(), training.batchSize().engineRows(),
                training.epochs(), training.seed(), training.training(), image);
        long parameters = Summaries.parameterCount(design);
        if (parameters > limits.maxParameters()) {
            problems.add(new Violation("$.layers", "the network has " + parameters
                    + " parameters; the limit backprop.models.max-parameters is " + limits.maxParameters()));
        }
        return new Result(design, resolvedLayers, new ModelDefinition.Output(output.activation()), training);
    }

    private void dense(ModelDefinition.Layer layer, String path, String defaultInit, List<NetworkDesign.HiddenLayer> hidden,
            List<ModelDefinition.Layer> resolved, List<Violation> problems) {
        String activation = layer.activation() == null ? "relu" : layer.activation();
        if (layer.units() == null) {
            problems.add(new Violation(path + ".units", "required for a dense layer: the number of neurons, e.g. 64"));
        } else if (layer.units() < 1 || layer.units() > limits.maxUnits()) {
            problems.add(new Violation(path + ".units", "must be between 1 and " + limits.maxUnits()
                    + " (the limit backprop.models.max-units is " + limits.maxUnits() + "); got " + layer.units()));
        }
        TrainingResolver.check(path + ".activation", activation, Vocabulary.ACTIVATIONS, "activation", problems);
        if (layer.rate() != null) {
            problems.add(new Violation(path + ".rate", "rate belongs to dropout layers; add {\"type\": \"dropout\", \"rate\": "
                    + layer.rate() + "} after this layer"));
        }
        Double alpha = layer.alpha();
        if (alpha != null && !(activation.equals("leaky_relu") || activation.equals("elu"))) {
            problems.add(new Violation(path + ".alpha", "alpha applies to leaky_relu (slope) and elu only"));
        } else if (alpha != null && !(alpha > 0 && alpha < 100)) {
            problems.add(new Violation(path + ".alpha", "must be above 0, e.g. 0.01; got " + alpha));
        }
        if (alpha == null && activation.equals("leaky_relu")) {
            alpha = 0.01;
        }
        String init = layer.weightInit() == null ? defaultInit : layer.weightInit();
        TrainingResolver.check(path + ".weightInit", init, Vocabulary.WEIGHT_INITS, "weight initialisation", problems);
        if (init.equals("zeros")) {
            problems.add(new Violation(layer.weightInit() == null ? "$.weightInit" : path + ".weightInit",
                    "zeros is refused for hidden layers: every unit would compute the same thing and receive the same"
                            + " gradient, so they never become different (the symmetry is never broken); use xavier or he"));
        }
        int units = layer.units() == null ? 1 : Math.max(1, layer.units());
        hidden.add(new NetworkDesign.HiddenLayer("dense", units, Vocabulary.canonicalActivation(activation), 0, alpha, init));
        resolved.add(new ModelDefinition.Layer("dense", layer.units(), activation, null, alpha, layer.weightInit()));
    }

    private void maxout(ModelDefinition.Layer layer, String path, boolean image, String init,
            List<NetworkDesign.HiddenLayer> hidden, List<ModelDefinition.Layer> resolved, List<Violation> problems) {
        if (image) {
            problems.add(new Violation(path + ".type", "maxout layers work on plain feature vectors, not on images"));
        }
        if (layer.units() == null || layer.units() < 1 || layer.units() > limits.maxUnits()) {
            problems.add(new Violation(path + ".units", "required for a maxout layer: between 1 and " + limits.maxUnits()
                    + " (the limit backprop.models.max-units is " + limits.maxUnits() + "); got " + layer.units()));
        }
        int pieces = layer.pieces() == null ? 2 : layer.pieces();
        if (pieces < 2 || pieces > 16) {
            problems.add(new Violation(path + ".pieces", "must be between 2 and 16 linear pieces; got " + pieces));
        }
        if (layer.activation() != null || layer.rate() != null) {
            problems.add(new Violation(path, "a maxout layer is its own activation (the largest of its pieces): it takes"
                    + " units and pieces only"));
        }
        int units = layer.units() == null ? 1 : Math.max(1, layer.units());
        hidden.add(new NetworkDesign.HiddenLayer("maxout", units, null, 0, null, init, null, null, null, Math.max(2, pieces)));
        resolved.add(new ModelDefinition.Layer("maxout", layer.units(), null, null, null, null, null, null, null, null, pieces));
    }

    private static void dropout(ModelDefinition.Layer layer, String path, List<NetworkDesign.HiddenLayer> hidden,
            List<ModelDefinition.Layer> resolved, List<Violation> problems) {
        if (layer.rate() == null) {
            problems.add(new Violation(path + ".rate", "required for a dropout layer: the fraction of units dropped, e.g. 0.2"));
        } else if (!(layer.rate() >= 0 && layer.rate() < 1)) {
            problems.add(new Violation(path + ".rate", "must be at least 0 and below 1 (the fraction of units dropped); got "
                    + layer.rate()));
        }
        if (layer.units() != null || layer.activation() != null) {
            problems.add(new Violation(path, "a dropout layer takes only rate; units and activation belong to dense layers"));
        }
        hidden.add(new NetworkDesign.HiddenLayer("dropout", 0, null, layer.rate() == null ? 0 : layer.rate()));
        resolved.add(new ModelDefinition.Layer("dropout", null, null, layer.rate()));
    }
}
