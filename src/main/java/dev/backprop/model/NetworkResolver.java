package dev.backprop.model;

import java.util.ArrayList;
import java.util.List;

import dev.backprop.preprocessing.Task;
import dev.backprop.shared.Violation;

/** Validates and completes the network half of a definition: layers, output, loss, optimizer, hyper-parameters. */
final class NetworkResolver {

    record Result(NetworkDesign design, List<ModelDefinition.Layer> layers, ModelDefinition.Output output) {
    }

    private static final List<ModelDefinition.Layer> DEFAULT_LAYERS =
            List.of(new ModelDefinition.Layer("dense", 32, "relu", null));

    private final ModelProperties limits;

    NetworkResolver(ModelProperties limits) {
        this.limits = limits;
    }

    /** {@code task} is null when it could not be determined; output checks are then skipped. */
    Result resolve(ModelDefinition definition, Task task, int inputs, int classes, List<Violation> problems) {
        List<ModelDefinition.Layer> layers = definition.layers() == null ? DEFAULT_LAYERS : definition.layers();
        if (layers.size() > limits.maxLayers()) {
            problems.add(new Violation("$.layers", layers.size() + " hidden layers; the limit backprop.models.max-layers is "
                    + limits.maxLayers()));
        }
        List<NetworkDesign.HiddenLayer> hidden = new ArrayList<>();
        List<ModelDefinition.Layer> resolvedLayers = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            ModelDefinition.Layer layer = layers.get(i);
            String path = "$.layers[" + i + "]";
            if (layer == null || layer.type() == null) {
                problems.add(new Violation(path + ".type", "required; allowed: " + Vocabulary.LAYER_TYPES));
            } else if (layer.type().equals("dense")) {
                String activation = layer.activation() == null ? "relu" : layer.activation();
                if (layer.units() == null) {
                    problems.add(new Violation(path + ".units", "required for a dense layer: the number of neurons, e.g. 64"));
                } else if (layer.units() < 1 || layer.units() > limits.maxUnits()) {
                    problems.add(new Violation(path + ".units", "must be between 1 and " + limits.maxUnits()
                            + " (backprop.models.max-units); got " + layer.units()));
                }
                checkName(path + ".activation", activation, Vocabulary.ACTIVATIONS, "activation", problems);
                if (layer.rate() != null) {
                    problems.add(new Violation(path + ".rate", "rate belongs to dropout layers; add {\"type\": \"dropout\", \"rate\": "
                            + layer.rate() + "} after this layer"));
                }
                int units = layer.units() == null ? 1 : Math.max(1, layer.units());
                hidden.add(new NetworkDesign.HiddenLayer("dense", units, Vocabulary.canonicalActivation(activation), 0));
                resolvedLayers.add(new ModelDefinition.Layer("dense", layer.units(), activation, null));
            } else if (layer.type().equals("dropout")) {
                if (layer.rate() == null) {
                    problems.add(new Violation(path + ".rate", "required for a dropout layer: the fraction of units dropped, e.g. 0.2"));
                } else if (!(layer.rate() >= 0 && layer.rate() < 1)) {
                    problems.add(new Violation(path + ".rate", "must be at least 0 and below 1 (the fraction of units dropped); got "
                            + layer.rate()));
                }
                if (layer.units() != null || layer.activation() != null) {
                    problems.add(new Violation(path, "a dropout layer takes only rate; units and activation belong to dense layers"));
                }
                double rate = layer.rate() == null ? 0 : layer.rate();
                hidden.add(new NetworkDesign.HiddenLayer("dropout", 0, null, rate));
                resolvedLayers.add(new ModelDefinition.Layer("dropout", null, null, layer.rate()));
            } else {
                problems.add(new Violation(path + ".type", "unknown layer type '" + layer.type() + "'; allowed: "
                        + Vocabulary.LAYER_TYPES));
            }
        }
        String outputActivation = definition.output() != null && definition.output().activation() != null
                ? Vocabulary.canonicalActivation(definition.output().activation())
                : task == Task.MULTICLASS ? "softmax" : task == Task.BINARY ? "sigmoid" : "identity";
        checkName("$.output.activation", outputActivation, Vocabulary.ACTIVATIONS, "activation", problems);
        int outputs = outputUnits(task, outputActivation, classes, problems);
        String loss = definition.loss() != null ? definition.loss()
                : task == Task.REGRESSION || task == null ? "mse"
                : outputActivation.equals("softmax") ? "categorical_crossentropy" : "binary_crossentropy";
        checkLoss(loss, task, outputActivation, problems);
        ModelDefinition.Optimizer optimizer = definition.optimizer() == null ? new ModelDefinition.Optimizer(null, null)
                : definition.optimizer();
        String optimizerType = optimizer.type() == null ? "adam" : optimizer.type();
        checkName("$.optimizer.type", optimizerType, Vocabulary.OPTIMIZERS, "optimizer", problems);
        double learningRate = optimizer.learningRate() == null ? 0.001 : optimizer.learningRate();
        if (!(learningRate > 0 && learningRate <= 10)) {
            problems.add(new Violation("$.optimizer.learningRate", "must be above 0 and at most 10, e.g. 0.001; got " + learningRate));
        }
        double l2 = definition.l2() == null ? 0 : definition.l2();
        if (!(l2 >= 0 && l2 <= 100)) {
            problems.add(new Violation("$.l2", "must be between 0 and 100, e.g. 1e-4; got " + l2));
        }
        int batchSize = definition.batchSize() == null ? 32 : definition.batchSize();
        if (batchSize < 1 || batchSize > 1_000_000) {
            problems.add(new Violation("$.batchSize", "must be between 1 and 1000000 rows; got " + batchSize));
        }
        int epochs = definition.epochs() == null ? 50 : definition.epochs();
        if (epochs < 1 || epochs > limits.maxEpochs()) {
            problems.add(new Violation("$.epochs", "must be between 1 and " + limits.maxEpochs()
                    + " (backprop.models.max-epochs); got " + epochs));
        }
        long seed = definition.seed() == null ? 42 : definition.seed();
        NetworkDesign design = new NetworkDesign(inputs, hidden, outputs, outputActivation, loss, optimizerType,
                learningRate, l2, batchSize, epochs, seed);
        long parameters = Summaries.parameterCount(design);
        if (parameters > limits.maxParameters()) {
            problems.add(new Violation("$.layers", "the network has " + parameters
                    + " parameters; the limit backprop.models.max-parameters is " + limits.maxParameters()));
        }
        return new Result(design, resolvedLayers, new ModelDefinition.Output(outputActivation));
    }

    private static int outputUnits(Task task, String activation, int classes, List<Violation> problems) {
        if (task == Task.BINARY) {
            if (activation.equals("softmax")) {
                return 2;
            }
            if (!activation.equals("sigmoid")) {
                problems.add(new Violation("$.output.activation", "a binary output needs sigmoid (one unit giving the"
                        + " positive-class probability) or softmax (two units); got " + activation));
            }
            return 1;
        }
        if (task == Task.MULTICLASS) {
            if (!activation.equals("softmax")) {
                problems.add(new Violation("$.output.activation", activation + " output for a " + classes
                        + "-class target: a multiclass output needs softmax over the " + classes + " labels"));
            }
            return Math.max(classes, 1);
        }
        if (task == Task.REGRESSION && activation.equals("softmax")) {
            problems.add(new Violation("$.output.activation", "softmax over a single regression output is always 1;"
                    + " use identity (or relu for non-negative targets)"));
        }
        return 1;
    }

    private static void checkLoss(String loss, Task task, String outputActivation, List<Violation> problems) {
        if (!Vocabulary.LOSSES.contains(loss)) {
            problems.add(new Violation("$.loss", "unknown loss '" + loss + "'; allowed: " + Vocabulary.LOSSES));
        } else if (loss.equals("binary_crossentropy") && (task == Task.REGRESSION || !outputActivation.equals("sigmoid"))) {
            problems.add(new Violation("$.loss", "binary_crossentropy needs a sigmoid output on a binary target"
                    + (task == Task.MULTICLASS ? "; for multiclass use categorical_crossentropy with softmax" : "")));
        } else if (loss.equals("categorical_crossentropy") && (task == Task.REGRESSION || !outputActivation.equals("softmax"))) {
            problems.add(new Violation("$.loss", "categorical_crossentropy needs a softmax output on a classification target;"
                    + " for a sigmoid output use binary_crossentropy"));
        }
    }

    private static void checkName(String path, String name, List<String> allowed, String what, List<Violation> problems) {
        if (!allowed.contains(name)) {
            problems.add(new Violation(path, "unknown " + what + " '" + name + "'; allowed: " + allowed));
        }
    }
}
