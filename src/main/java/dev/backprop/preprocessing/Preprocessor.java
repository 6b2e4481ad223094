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

    private static final int ROWS_PER_BLOCK = 64;

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
     * the table is stored by row: MNIST took five times as long filled column by column. Numeric columns, most of a
     * wide table's inputs, are written without a call per cell, column by column within blocks of rows: a block's rows
     * stay in the CPU caches while each column's values are read in order. MNIST's 674 numeric columns through one
     * writer call per cell, row by row, took as long as everything else in the preparation.
     */
    public float[][] encodeRows(ParsedTable table, int[] rows) {
        List<FeatureEncoder> numeric = new ArrayList<>();
        List<Integer> numericOffsets = new ArrayList<>();
        List<FeatureEncoder.CellWriter> writers = new ArrayList<>();
        List<Integer> writerOffsets = new ArrayList<>();
        int offset = 0;
        for (FeatureEncoder feature : features) {
            if (feature.kind() == FeatureEncoder.Kind.NUMERIC) {
                numeric.add(feature);
                numericOffsets.add(offset);
            } else {
                writers.add(feature.writerFor(table));
                writerOffsets.add(offset);
            }
            offset += feature.width();
        }
        NumericColumns numbers = new NumericColumns(table, numeric, numericOffsets);
        float[][] out = new float[rows.length][];
        for (int from = 0; from < rows.length; from += ROWS_PER_BLOCK) {
            int to = Math.min(rows.length, from + ROWS_PER_BLOCK);
            for (int i = from; i < to; i++) {
                out[i] = new float[offset];
                for (int w = 0; w < writers.size(); w++) {
                    writers.get(w).write(rows[i], out[i], writerOffsets.get(w));
                }
            }
            numbers.write(rows, from, to, out);
        }
        return out;
    }

    /** The numeric features of {@link #encodeRows} as parallel arrays, written by one loop. */
    private static final class NumericColumns {

        private final ParsedTable table;
        private final List<FeatureEncoder> features;
        private final double[][] values;
        private final double[] centers;
        private final double[] scales;
        private final double[] fills;
        private final int[] offsets;

        NumericColumns(ParsedTable table, List<FeatureEncoder> features, List<Integer> offsets) {
            this.table = table;
            this.features = features;
            int n = features.size();
            this.values = new double[n][];
            this.centers = new double[n];
            this.scales = new double[n];
            this.fills = new double[n];
            this.offsets = offsets.stream().mapToInt(Integer::intValue).toArray();
            for (int f = 0; f < n; f++) {
                FeatureEncoder feature = features.get(f);
                values[f] = table.numbers(table.columnIndex(feature.column()));
                centers[f] = feature.center();
                scales[f] = feature.scale();
                fills[f] = feature.fill();
            }
        }

        /** Writes rows {@code rows[from]} to {@code rows[to - 1]} into {@code out[from]} to {@code out[to - 1]}. */
        void write(int[] rows, int from, int to, float[][] out) {
            for (int f = 0; f < offsets.length; f++) {
                double[] column = values[f];
                double center = centers[f];
                double scale = scales[f];
                double fill = fills[f];
                int offset = offsets[f];
                for (int i = from; i < to; i++) {
                    double value = column[rows[i]];
                    value = Double.isNaN(value) ? fill : value;
                    float input = (float) ((value - center) / scale);
                    if (!Float.isFinite(input)) {
                        // The refusal, with its message, only for a value that does not fit.
                        FeatureEncoder feature = features.get(f);
                        input = feature.scaled(value, center, scale, table.raw(rows[i], table.columnIndex(feature.column())));
                    }
                    out[i][offset] = input;
                }
            }
        }
    }
}
