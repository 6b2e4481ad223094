package dev.backprop.prediction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.backprop.preprocessing.TargetEncoder;
import dev.backprop.preprocessing.Task;

/**
 * The prediction for one row. Classification: {@code prediction} is the label, {@code probabilities} gives each
 * label's probability, and for binary tasks {@code probability} is the positive label's. Regression: {@code value}.
 * Single-neuron −1/+1 models (perceptron, ADALINE) give a {@code score} instead of probabilities. Multi-label models
 * give each label column's probability in {@code probabilities} and the labels that apply, comma-separated, in
 * {@code prediction}; multi-output regressions give {@code values} by column.
 * {@code warnings} explains values that were encoded as "no known level".
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RowPrediction(String prediction, Double probability, Map<String, Double> probabilities, Double value,
        List<String> warnings, Double score, Map<String, Double> values) {

    public RowPrediction(String prediction, Double probability, Map<String, Double> probabilities, Double value,
            List<String> warnings) {
        this(prediction, probability, probabilities, value, warnings, null, null);
    }

    public RowPrediction(String prediction, Double probability, Map<String, Double> probabilities, Double value,
            List<String> warnings, Double score) {
        this(prediction, probability, probabilities, value, warnings, score, null);
    }

    /** What the network's outputs for one row say, read with the model's target encoding. */
    static RowPrediction of(float[] output, TargetEncoder target, double threshold, List<String> warnings) {
        if (target.columns() != null) {
            Map<String, Double> byColumn = new LinkedHashMap<>();
            for (int c = 0; c < output.length; c++) {
                byColumn.put(target.columns().get(c), (double) output[c]);
            }
            if (target.task() == Task.REGRESSION) {
                return new RowPrediction(null, null, null, null, warnings, null, byColumn);
            }
            String applies = String.join(",", byColumn.entrySet().stream()
                    .filter(e -> e.getValue() >= threshold).map(Map.Entry::getKey).toList());
            return new RowPrediction(applies, null, byColumn, null, warnings);
        }
        if (target.task() == Task.REGRESSION) {
            return new RowPrediction(null, null, null, (double) output[0], warnings);
        }
        if (target.signedScores()) {
            String label = output[0] >= threshold ? target.positiveLabel() : target.negativeLabel();
            return new RowPrediction(label, null, null, null, warnings, (double) output[0]);
        }
        Map<String, Double> probabilities = new LinkedHashMap<>();
        if (target.singleSigmoidUnit()) {
            double positive = output[0];
            for (String label : target.labels()) {
                probabilities.put(label, label.equals(target.positiveLabel()) ? positive : 1 - positive);
            }
            String label = positive >= threshold ? target.positiveLabel() : target.negativeLabel();
            return new RowPrediction(label, positive, probabilities, null, warnings);
        }
        int best = 0;
        for (int c = 0; c < output.length; c++) {
            probabilities.put(target.labels().get(c), (double) output[c]);
            if (output[c] > output[best]) {
                best = c;
            }
        }
        if (target.task() == Task.BINARY) {
            double positive = probabilities.get(target.positiveLabel());
            String label = positive >= threshold ? target.positiveLabel() : target.negativeLabel();
            return new RowPrediction(label, positive, probabilities, null, warnings);
        }
        return new RowPrediction(target.labels().get(best), null, probabilities, null, warnings);
    }
}
