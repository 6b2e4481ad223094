package dev.backprop.preprocessing;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The fitted transformation from a raw row to network inputs, stored with each trained model version so that
 * prediction applies exactly what training applied.
 */
public record Preprocessor(List<FeatureEncoder> features, TargetEncoder target) {

    @JsonIgnore
    public int inputWidth() {
        return features.stream().mapToInt(FeatureEncoder::width).sum();
    }

    @JsonIgnore
    public List<String> featureColumns() {
        return features.stream().map(FeatureEncoder::column).toList();
    }

    /**
     * Encodes one row; {@code valueOf} gives the raw value of a column ({@code null} = missing).
     * Throws {@link dev.backprop.shared.InvalidRequestException} naming the column for a value of the wrong kind.
     */
    public float[] encode(Function<String, String> valueOf, Consumer<String> warnings) {
        float[] out = new float[inputWidth()];
        int offset = 0;
        for (FeatureEncoder feature : features) {
            feature.encode(valueOf.apply(feature.column()), out, offset, warnings);
            offset += feature.width();
        }
        return out;
    }
}
