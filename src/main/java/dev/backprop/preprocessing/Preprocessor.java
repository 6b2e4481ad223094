package dev.backprop.preprocessing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

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
        int width = 0;
        for (FeatureEncoder feature : features) {
            width += feature.width();
        }
        return width;
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
        return encodeByPosition(feature -> valueOf.apply(features.get(feature).column()), warnings);
    }

    /**
     * Like {@link #encode(Function, Consumer)}, with the raw value of the i-th feature from {@code valueOf.apply(i)}:
     * for callers that resolved their columns to features once for many rows.
     */
    public float[] encodeByPosition(IntFunction<String> valueOf, Consumer<String> warnings) {
        float[] out = new float[inputWidth()];
        int offset = 0;
        List<Violation> problems = null;
        for (int f = 0; f < features.size(); f++) {
            FeatureEncoder feature = features.get(f);
            try {
                feature.encode(valueOf.apply(f), out, offset, warnings);
            } catch (InvalidRequestException e) {
                problems = problems == null ? new ArrayList<>() : problems;
                problems.addAll(e.violations());
            }
            offset += feature.width();
        }
        if (problems != null) {
            throw new InvalidRequestException(problems.get(0).message(), problems);
        }
        return out;
    }

    /**
     * The inputs of many rows of a table at once ({@code [i]} for table row {@code rows[i]}): the same values as
     * {@link #encode} gives row by row, without a lookup per cell or a second parse of any number. Row by row, because
     * the table is stored by row: MNIST took five times as long filled column by column.
     */
    public float[][] encodeRows(ParsedTable table, int[] rows) {
        FeatureEncoder.CellWriter[] writers = new FeatureEncoder.CellWriter[features.size()];
        int[] offsets = new int[features.size()];
        int offset = 0;
        for (int f = 0; f < writers.length; f++) {
            writers[f] = features.get(f).writerFor(table);
            offsets[f] = offset;
            offset += features.get(f).width();
        }
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = new float[offset];
            for (int f = 0; f < writers.length; f++) {
                writers[f].write(rows[i], out[i], offsets[f]);
            }
        }
        return out;
    }
}
