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
        Boolean signed, List<String> columns) {

    public TargetEncoder(String column, Task task, List<String> labels, String positiveLabel, int outputUnits) {
        this(column, task, labels, positiveLabel, outputUnits, null, null);
    }

    public TargetEncoder(String column, Task task, List<String> labels, String positiveLabel, int outputUnits,
            Boolean signed) {
        this(column, task, labels, positiveLabel, outputUnits, signed, null);
    }

    /** Several target columns: one sigmoid unit per 0/1 column (multi-label) or one output per number (regression). */
    public static TargetEncoder multiple(List<String> columns, Task task) {
        return new TargetEncoder(null, task, null, null, columns.size(), null, List.copyOf(columns));
    }

    /** The target column names: {@code columns} for several targets, else the one {@code column}. */
    @JsonIgnore
    public List<String> targetColumns() {
        return columns != null ? columns : List.of(column);
    }

    /** Encodes a row's target values; {@code valueOf} gives the raw value of a column. */
    public float[] encode(java.util.function.Function<String, String> valueOf) {
        if (columns == null) {
            return encode(valueOf.apply(column));
        }
        float[] out = new float[columns.size()];
        for (int i = 0; i < out.length; i++) {
            String raw = valueOf.apply(columns.get(i));
            out[i] = task == Task.MULTILABEL ? (Numbers.isTrue(raw) ? 1f : 0f) : Numbers.parse(raw).floatValue();
        }
        return out;
    }

    /** The expected outputs of many rows of a table ({@code [i]} for table row {@code rows[i]}). */
    public float[][] encodeRows(ParsedTable table, int[] rows) {
        List<String> names = targetColumns();
        int[] positions = names.stream().mapToInt(table::columnIndex).toArray();
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            int row = rows[i];
            out[i] = columns == null ? encode(table.raw(row, positions[0]))
                    : encode(name -> table.raw(row, positions[names.indexOf(name)]));
        }
        return out;
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
