package dev.backprop.training;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A hyper-parameter search: candidates ranked by {@code metric} (higher is better) on the held-out part or by k-fold mean. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TuningResult(String metric, String scoring, List<Candidate> leaderboard) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Candidate(int rank, Map<String, Double> values, double score, Double std) {
    }
}
