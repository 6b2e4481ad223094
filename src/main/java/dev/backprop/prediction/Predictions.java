package dev.backprop.prediction;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Predictions for a batch of rows, in input order, and the version that made them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Predictions(long modelId, int version, String task, String positiveLabel, Double threshold,
        List<String> labels, List<RowPrediction> rows) {
}
