package dev.backprop.preprocessing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.backprop.shared.InvalidRequestException;
import dev.backprop.shared.Violation;

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
        List<Violation> problems = new ArrayList<>();
        for (FeatureEncoder feature : features) {
            try {
                feature.encode(valueOf.apply(feature.column()), out, offset, warnings);
            } catch (InvalidRequestException e) {
                problems.addAll(e.violations());
            }
            offset += feature.width();
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems.get(0).message(), problems);
        }
        return out;
    }
}
