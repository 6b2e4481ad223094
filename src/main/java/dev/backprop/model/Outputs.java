package dev.backprop.model;

import java.util.List;

import dev.backprop.preprocessing.Task;
import dev.backprop.shared.Violation;

/**
 * The output layer and loss a task allows. Binary: sigmoid (one unit, a probability) with binary cross-entropy,
 * softmax (two units), or identity/tanh (one unit trained on −1/+1 targets, as a perceptron with hinge loss or
 * ADALINE with MSE). Multiclass: softmax. Regression: anything but softmax.
 */
final class Outputs {

    record Choice(String activation, int units, String loss) {
    }

    private Outputs() {
    }

    static Choice resolve(ModelDefinition definition, Task task, int classes, List<Violation> problems) {
        String given = definition.output() != null ? definition.output().activation() : null;
        String activation = given != null ? Vocabulary.canonicalActivation(given)
                : task == Task.MULTICLASS ? "softmax"
                : task == Task.BINARY && "hinge".equals(definition.loss()) ? "identity"
                : task == Task.BINARY || task == Task.MULTILABEL ? "sigmoid" : "identity";
        TrainingResolver.check("$.output.activation", activation, Vocabulary.ACTIVATIONS, "activation", problems);
        int units = units(task, activation, classes, problems);
        String loss = definition.loss() != null ? definition.loss()
                : task == Task.REGRESSION || task == null ? "mse"
                : task == Task.MULTILABEL ? "binary_crossentropy"
                : activation.equals("softmax") ? "categorical_crossentropy"
                : activation.equals("sigmoid") ? "binary_crossentropy" : "hinge";
        checkLoss(loss, task, activation, problems);
        return new Choice(activation, units, loss);
    }

    /** Binary outputs other than sigmoid and softmax are scores trained on −1/+1 targets. */
    static boolean signed(Task task, String activation) {
        return task == Task.BINARY && !activation.equals("sigmoid") && !activation.equals("softmax");
    }

    private static int units(Task task, String activation, int classes, List<Violation> problems) {
        if (task == Task.BINARY) {
            if (activation.equals("softmax")) {
                return 2;
            }
            if (!List.of("sigmoid", "identity", "tanh").contains(activation)) {
                problems.add(new Violation("$.output.activation", "a binary output needs sigmoid (one unit giving the"
                        + " positive-class probability), softmax (two units), or identity/tanh (a score trained on −1/+1"
                        + " targets, with hinge or mse loss); got " + activation));
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
        if (task == Task.MULTILABEL) {
            if (!activation.equals("sigmoid")) {
                problems.add(new Violation("$.output.activation", "a multi-label output needs one sigmoid unit per label"
                        + " (each label is its own yes/no); got " + activation));
            }
            return Math.max(classes, 1);
        }
        if (task == Task.REGRESSION && activation.equals("softmax")) {
            problems.add(new Violation("$.output.activation", "softmax turns regression outputs into shares that sum to 1;"
                    + " use identity (or relu for non-negative targets)"));
        }
        return Math.max(classes, 1);
    }

    private static void checkLoss(String loss, Task task, String activation, List<Violation> problems) {
        if (!Vocabulary.LOSSES.contains(loss)) {
            problems.add(new Violation("$.loss", "unknown loss '" + loss + "'; allowed: " + Vocabulary.LOSSES));
        } else if (loss.equals("binary_crossentropy") && (task == Task.REGRESSION || !activation.equals("sigmoid"))) {
            problems.add(new Violation("$.loss", "binary_crossentropy needs a sigmoid output on a binary or multi-label target"
                    + (task == Task.MULTICLASS ? "; for multiclass use categorical_crossentropy with softmax" : "")));
        } else if (loss.equals("categorical_crossentropy") && (task == Task.REGRESSION || !activation.equals("softmax"))) {
            problems.add(new Violation("$.loss", "categorical_crossentropy needs a softmax output on a classification target;"
                    + " for a sigmoid output use binary_crossentropy"));
        } else if (loss.equals("hinge") && !(task == Task.BINARY && signed(task, activation))) {
            problems.add(new Violation("$.loss", "hinge loss needs a binary target and an identity or tanh output"
                    + " (a score trained on −1/+1 targets, as a perceptron); got " + activation
                    + (task == null ? "" : " on a " + task.id() + " task")));
        } else if (signed(task, activation) && !List.of("hinge", "mse", "mae").contains(loss)) {
            problems.add(new Violation("$.loss", "an identity or tanh output on a binary target learns −1/+1 scores:"
                    + " use hinge (perceptron) or mse (ADALINE)"));
        }
    }
}
