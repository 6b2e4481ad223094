package dev.backprop.training;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.backprop.evaluation.Metrics;

/**
 * A k-fold cross-validation: each fold's metrics (the network on the rows it trained on and on its held-out fold,
 * and the logistic baseline's held-out metrics for classifiers), and the mean and standard deviation over folds.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CrossValidationResult(int folds, List<Fold> perFold, Map<String, Double> mean, Map<String, Double> std,
        Map<String, Double> baselineMean, Map<String, Double> baselineStd) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Fold(int fold, Metrics train, Metrics test, Metrics baselineTest) {
    }
}
