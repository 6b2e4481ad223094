package dev.backprop.prediction.web;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.backprop.prediction.Predictions;
import dev.backprop.prediction.RowPrediction;

/** One row's prediction and the model version that made it. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PredictionResponse(long modelId, int version, String task, String prediction, Double probability,
        String positiveLabel, Double threshold, Map<String, Double> probabilities, Double value, Double score,
        Map<String, Double> values, List<String> warnings) {

    static PredictionResponse from(Predictions predictions) {
        RowPrediction row = predictions.rows().get(0);
        return new PredictionResponse(predictions.modelId(), predictions.version(), predictions.task(), row.prediction(),
                row.probability(), predictions.positiveLabel(), predictions.threshold(), row.probabilities(), row.value(),
                row.score(), row.values(), row.warnings());
    }
}
