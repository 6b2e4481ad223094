package dev.backprop.model;

import java.util.List;

import dev.backprop.preprocessing.Task;
import dev.backprop.shared.Violation;

/**
 * The single-neuron models of the course as presets: they fix the architecture (no hidden layers; the output and
 * loss below) and suggest training defaults the user may still override.
 */
final class Presets {

    static final List<String> NAMES = List.of("logistic-regression", "perceptron", "adaline");

    private Presets() {
    }

    /** The definition with the preset's choices filled in; problems for what the preset cannot have. */
    static ModelDefinition apply(ModelDefinition d, Task task, List<Violation> problems) {
        if (d.preset() == null) {
            return d;
        }
        if (!NAMES.contains(d.preset())) {
            problems.add(new Violation("$.preset", "unknown preset '" + d.preset() + "'; allowed: " + NAMES));
            return d;
        }
        if (d.layers() != null && !d.layers().isEmpty()) {
            problems.add(new Violation("$.layers", "a preset is a single neuron: leave out layers"));
        }
        boolean logistic = d.preset().equals("logistic-regression");
        if (!logistic && task != null && task != Task.BINARY) {
            problems.add(new Violation("$.preset", d.preset() + " separates two classes: it needs a binary target, not "
                    + task.id()));
        }
        if (logistic && task == Task.REGRESSION) {
            problems.add(new Violation("$.preset", "logistic-regression predicts classes: it needs a binary or multiclass target"));
        }
        String activation = logistic ? (task == Task.MULTICLASS ? "softmax" : "sigmoid") : "identity";
        if (d.output() != null && d.output().activation() != null && !d.output().activation().equals(activation)) {
            problems.add(new Violation("$.output.activation", d.preset() + " has a " + activation + " output"));
        }
        String loss = logistic ? (task == Task.MULTICLASS ? "categorical_crossentropy" : "binary_crossentropy")
                : d.preset().equals("perceptron") ? "hinge" : "mse";
        if (d.loss() != null && !d.loss().equals(loss)) {
            problems.add(new Violation("$.loss", d.preset() + " is trained with " + loss + " loss"));
        }
        ModelDefinition.Optimizer optimizer = d.optimizer() != null ? d.optimizer()
                : logistic ? new ModelDefinition.Optimizer("adam", 0.01) : new ModelDefinition.Optimizer("sgd", 0.01);
        BatchSize batchSize = d.batchSize() != null ? d.batchSize() : logistic ? new BatchSize(32) : new BatchSize(1);
        return new ModelDefinition(d.name(), d.datasetId(), d.target(), d.features(), d.exclude(), d.task(),
                d.positiveLabel(), d.preprocessing(), List.of(), new ModelDefinition.Output(activation), loss, optimizer,
                d.l2(), batchSize, d.epochs(), d.testFraction(), d.seed(), d.l1(), d.weightInit(), d.gradientClipping(),
                d.earlyStopping(), d.classWeights(), d.preset(), d.image(), d.targets());
    }
}
