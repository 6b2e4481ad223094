package dev.backprop.prediction;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

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
}
