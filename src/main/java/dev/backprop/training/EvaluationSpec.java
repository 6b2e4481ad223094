package dev.backprop.training;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What a cross-validation ({@code folds}) or tuning job ({@code candidates}, scored by {@code folds} > 1 or the held-out part) was asked to do. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EvaluationSpec(int folds, List<Map<String, Double>> candidates) {
}
