package dev.backprop.preprocessing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.backprop.dataset.Numbers;
import dev.backprop.shared.InvalidRequestException;

/**
 * How one raw column becomes network inputs. NUMERIC: {@code (value − center) / scale}, a missing value is
 * {@code fill} first. BOOLEAN: 1 for 1/true/yes, 0 otherwise, missing is {@code fill}. ONE_HOT: one input per
 * level (plus one for "missing" when the training data had missing values); an unseen level is all zeros.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeatureEncoder(
        String column,
        Kind kind,
        Double center,
        Double scale,
        Double fill,
        List<String> levels,
        Boolean missingLevel) {

    public static final String MISSING_LEVEL = "(missing)";

    public enum Kind { NUMERIC, BOOLEAN, ONE_HOT }

    @JsonIgnore
    public int width() {
        return kind == Kind.ONE_HOT ? levels.size() + (Boolean.TRUE.equals(missingLevel) ? 1 : 0) : 1;
    }

    /** Writes this column's inputs into {@code out} from {@code offset}; reports unseen levels to {@code warnings}. */
    void encode(String raw, float[] out, int offset, Consumer<String> warnings) {
        switch (kind) {
            case NUMERIC -> {
                double value = raw == null ? fill : Numbers.parseDouble(raw);
                if (Double.isNaN(value)) {
                    throw new InvalidRequestException(column, "'" + raw + "' is not a number; column '" + column
                            + "' is numeric (leave it empty for a missing value)");
                }
                out[offset] = scaled(value, center, scale, raw);
            }
            case BOOLEAN -> out[offset] = raw == null ? fill.floatValue() : booleanValue(raw);
            case ONE_HOT -> {
                if (raw == null) {
                    if (Boolean.TRUE.equals(missingLevel)) {
                        out[offset + levels.size()] = 1f;
                    } else {
                        warnings.accept(column + ": missing, and training saw no missing values; encoded as no known level");
                    }
                    return;
                }
                int index = levels.indexOf(raw);
                if (index < 0) {
                    warnings.accept(column + ": unseen level '" + raw + "' encoded as no known level");
                } else {
                    out[offset + index] = 1f;
                }
            }
        }
    }

    /** Writes one column's inputs for the table row it is given into a row of inputs, from an offset. */
    @FunctionalInterface
    interface CellWriter {
        void write(int row, float[] out, int offset);
    }

    /**
     * A boolean or one-hot column's encoding for many rows of one table: the same values as {@link #encode}, with the
     * level positions looked up once per column. Unseen levels are encoded as no known level, without a warning.
     * Numeric columns have none: {@link Preprocessor#encodeRows} writes them all in one loop.
     */
    CellWriter writerFor(ParsedTable table) {
        int c = table.columnIndex(column);
        return switch (kind) {
            case NUMERIC -> throw new IllegalStateException("Numeric columns are written all together by Preprocessor.encodeRows");
            case BOOLEAN -> (row, out, offset) -> {
                String raw = table.raw(row, c);
                out[offset] = raw == null ? fill.floatValue() : booleanValue(raw);
            };
            case ONE_HOT -> {
                Map<String, Integer> index = new HashMap<>();
                for (int l = 0; l < levels.size(); l++) {
                    index.putIfAbsent(levels.get(l), l);
                }
                Integer missing = Boolean.TRUE.equals(missingLevel) ? levels.size() : null;
                yield (row, out, offset) -> {
                    String raw = table.raw(row, c);
                    Integer level = raw == null ? missing : index.get(raw);
                    if (level != null) {
                        out[offset + level] = 1f;
                    }
                };
            }
        };
    }

    float scaled(double value, double center, double scale, String raw) {
        float input = (float) ((value - center) / scale);
        if (!Float.isFinite(input)) {
            throw new InvalidRequestException(column, "'" + raw + "' is out of range for column '" + column
                    + "': scaled as in training it exceeds the largest number the network computes with");
        }
        return input;
    }

    private float booleanValue(String raw) {
        if ("0".equals(raw)) {
            return 0f;
        }
        if (Numbers.isTrue(raw)) {
            return 1f;
        }
        String v = raw.toLowerCase(java.util.Locale.ROOT);
        if (v.equals("false") || v.equals("no") || "0".equals(raw) || Double.valueOf(0.0).equals(Numbers.parse(raw))) {
            return 0f;
        }
        throw new InvalidRequestException(column, "'" + raw + "' is not a boolean; column '" + column
                + "' takes 0/1, true/false or yes/no");
    }
}
