package dev.backprop.preprocessing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.backprop.dataset.ColumnSchema;
import dev.backprop.dataset.CsvTable;

/**
 * Fits a {@link Preprocessor}. Scaling parameters and fill values come from the training rows only (no leakage
 * from the held-out part); the one-hot vocabulary is every level of the dataset, so the network's input width
 * is known when the model is defined and does not depend on how the split fell.
 */
public final class PreprocessorFitter {

    private PreprocessorFitter() {
    }

    /** The encoders without fitted statistics: enough to know the input layout when a model is defined. */
    public static List<FeatureEncoder> plan(List<ColumnSchema> features) {
        return features.stream().map(PreprocessorFitter::planned).toList();
    }

    public static Preprocessor fit(CsvTable table, int[] trainRows, List<ColumnSchema> features, Scaling scaling,
            Imputation imputation, TargetEncoder target) {
        return fit(new ParsedTable(table), trainRows, features, scaling, imputation, target);
    }

    /** Fits on the training rows of a table whose numbers are parsed once for the fit and the encoding after it. */
    public static Preprocessor fit(ParsedTable table, int[] trainRows, List<ColumnSchema> features, Scaling scaling,
            Imputation imputation, TargetEncoder target) {
        table.parse(columnsOf(table, features, dev.backprop.dataset.ColumnType.NUMERIC));
        table.parseBooleans(columnsOf(table, features, dev.backprop.dataset.ColumnType.BOOLEAN));
        List<FeatureEncoder> encoders = new ArrayList<>();
        for (ColumnSchema feature : features) {
            int c = table.columnIndex(feature.name());
            encoders.add(switch (feature.type()) {
                case CATEGORICAL -> planned(feature);
                case BOOLEAN -> {
                    double[] values = values(table, trainRows, c, true);
                    yield new FeatureEncoder(feature.name(), FeatureEncoder.Kind.BOOLEAN, null, null,
                            fill(values, imputation), null, null);
                }
                case NUMERIC -> {
                    double[] values = values(table, trainRows, c, false);
                    double center = 0;
                    double scale = 1;
                    if (values.length > 0 && scaling == Scaling.STANDARD) {
                        center = mean(values);
                        scale = populationStd(values, center);
                    } else if (values.length > 0 && scaling == Scaling.MINMAX) {
                        center = Arrays.stream(values).min().orElseThrow();
                        scale = Arrays.stream(values).max().orElseThrow() - center;
                    }
                    // A constant column carries no information; dividing by zero would turn it into NaN.
                    scale = scale > 0 ? scale : 1;
                    yield new FeatureEncoder(feature.name(), FeatureEncoder.Kind.NUMERIC, center, scale,
                            fill(values, imputation), null, null);
                }
            });
        }
        return new Preprocessor(encoders, target);
    }

    private static FeatureEncoder planned(ColumnSchema feature) {
        return switch (feature.type()) {
            case CATEGORICAL -> new FeatureEncoder(feature.name(), FeatureEncoder.Kind.ONE_HOT, null, null, null,
                    feature.levelValues(), feature.missing() > 0);
            case BOOLEAN -> new FeatureEncoder(feature.name(), FeatureEncoder.Kind.BOOLEAN, null, null, null, null, null);
            case NUMERIC -> new FeatureEncoder(feature.name(), FeatureEncoder.Kind.NUMERIC, null, null, null, null, null);
        };
    }

    private static int[] columnsOf(ParsedTable table, List<ColumnSchema> features, dev.backprop.dataset.ColumnType type) {
        return features.stream().filter(feature -> feature.type() == type)
                .mapToInt(feature -> table.columnIndex(feature.name())).toArray();
    }

    /** The non-missing values of column {@code c} in the given rows, in row order; booleans as 1 (true) and 0. */
    private static double[] values(ParsedTable table, int[] rows, int c, boolean asBoolean) {
        double[] column = asBoolean ? table.booleans(c) : table.numbers(c);
        double[] values = new double[rows.length];
        int n = 0;
        for (int r : rows) {
            if (!Double.isNaN(column[r])) {
                values[n++] = column[r];
            }
        }
        return Arrays.copyOf(values, n);
    }

    private static double fill(double[] values, Imputation imputation) {
        if (values.length == 0) {
            return 0;
        }
        if (imputation == Imputation.MEAN) {
            return mean(values);
        }
        return Median.of(values);
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(0);
    }

    private static double populationStd(double[] values, double mean) {
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / values.length);
    }

}
