package dev.backprop.preprocessing;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.backprop.dataset.Numbers;

/**
 * How the target column becomes the network's expected output. Binary with one sigmoid unit: 1 for
 * {@code positiveLabel}, 0 otherwise. Softmax outputs (multiclass, or binary with two units): one-hot over
 * {@code labels}. Regression: the number itself.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetEncoder(String column, Task task, List<String> labels, String positiveLabel, int outputUnits) {

    @JsonIgnore
    public boolean singleSigmoidUnit() {
        return task == Task.BINARY && outputUnits == 1;
    }

    public float[] encode(String raw) {
        float[] out = new float[outputUnits];
        if (task == Task.REGRESSION) {
            out[0] = Numbers.parse(raw).floatValue();
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
