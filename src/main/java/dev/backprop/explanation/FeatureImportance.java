package dev.backprop.explanation;

import java.util.List;

/**
 * Permutation importance: how much the held-out {@code metric} drops when one raw feature's values are shuffled
 * among the held-out rows ({@code repeats} times), most important first.
 */
public record FeatureImportance(long modelId, int version, String metric, double baseline, int repeats, long seed,
        List<Feature> features) {

    /** The mean drop of the metric and its standard deviation over the repeats. */
    public record Feature(String column, double drop, double std) {
    }
}
