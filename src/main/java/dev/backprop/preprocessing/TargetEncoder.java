package dev.backprop.preprocessing;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.backprop.dataset.Numbers;

/**
 * How the target column becomes the network's expected output. Binary with one sigmoid unit: 1 for
 * {@code positiveLabel}, 0 otherwise; with one {@code signed} unit (perceptron, ADALINE): +1 and −1. Softmax outputs
 * (multiclass, or binary with two units): one-hot over {@code labels}. Regression: the number itself.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetEncoder(String column, Task task, List<String> labels, String positiveLabel, int outputUnits,
        Boolean signed) {

    public TargetEncoder(String column, Task task, List<String> labels, String positiveLabel, int outputUnits) {
        this(column, task, labels, positiveLabel, outputUnits, null);
    }

    /** One output unit giving the positive class's probability (sigmoid) or score (signed). */
    @JsonIgnore
    public boolean singleSigmoidUnit() {
        return task == Task.BINARY && outputUnits == 1 && !signedScores();
    }

    @JsonIgnore
    public boolean signedScores() {
        return Boolean.TRUE.equals(signed);
    }

    /** The output value from which a single-unit binary model predicts the positive label. */
    @JsonIgnore
    public double decisionThreshold() {
        return signedScores() ? 0.0 : 0.5;
    }

    public float[] encode(String raw) {
        float[] out = new float[outputUnits];
        if (task == Task.REGRESSION) {
            out[0] = Numbers.parse(raw).floatValue();
        } else if (signedScores()) {
            out[0] = raw.equals(positiveLabel) ? 1f : -1f;
        } else if (singleSigmoidUnit()) {
            out[0] = raw.equals(positiveLabel) ? 1f : 0f;
        } else {
            out[labels.indexOf(raw)] = 1f;
        }
        return out;
    }

    /** The index of the class a raw target value names, for classification. */
    public int classIndex(String raw) {
        return labels.indexOf(raw);
    }

    /** The label whose probability a single sigmoid unit outputs. */
    @JsonIgnore
    public String negativeLabel() {
        return labels.stream().filter(label -> !label.equals(positiveLabel)).findFirst().orElseThrow();
    }
}
