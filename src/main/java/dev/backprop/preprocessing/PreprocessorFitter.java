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
        return fit(table, trainRows, features, scaling, imputation, target, null);
    }

    /**
     * As {@link #fit(ParsedTable, int[], List, Scaling, Imputation, TargetEncoder)}, with the second half of the
     * features fitted on {@code helper} at once (null: all on this thread): each feature's statistics are its own,
     * and a wide table's (MNIST: 784 columns) took a training job's worker tens of milliseconds while its helper idled.
     */
    public static Preprocessor fit(ParsedTable table, int[] trainRows, List<ColumnSchema> features, Scaling scaling,
            Imputation imputation, TargetEncoder target, java.util.concurrent.Executor helper) {
        table.parse(columnsOf(table, features, dev.backprop.dataset.ColumnType.NUMERIC));
        table.parseBooleans(columnsOf(table, features, dev.backprop.dataset.ColumnType.BOOLEAN));
        if (helper == null || features.size() < 2) {
            return new Preprocessor(fitEach(table, trainRows, features, scaling, imputation), target);
        }
        int half = features.size() / 2;
        List<List<FeatureEncoder>> halves = dev.backprop.shared.Futures.both(
                () -> fitEach(table, trainRows, features.subList(0, half), scaling, imputation),
                () -> fitEach(table, trainRows, features.subList(half, features.size()), scaling, imputation), helper);
        List<FeatureEncoder> encoders = new ArrayList<>(halves.get(0));
        encoders.addAll(halves.get(1));
        return new Preprocessor(encoders, target);
    }

    private static List<FeatureEncoder> fitEach(ParsedTable table, int[] trainRows, List<ColumnSchema> features,
            Scaling scaling, Imputation imputation) {
        List<FeatureEncoder> encoders = new ArrayList<>();
        // One scratch column for all features: a copy or two per column (MNIST: 784 of them, 140 MB a job) made the
        // young collections during the data step copy the whole table again.
        double[] values = new double[trainRows.length];
        for (ColumnSchema feature : features) {
            int c = table.columnIndex(feature.name());
            encoders.add(switch (feature.type()) {
                case CATEGORICAL -> planned(feature);
                case BOOLEAN -> {
                    int n = values(table, trainRows, c, true, values);
                    yield new FeatureEncoder(feature.name(), FeatureEncoder.Kind.BOOLEAN, null, null,
                            fill(values, n, imputation, Double.NaN), null, null);
                }
                case NUMERIC -> {
                    int n = values(table, trainRows, c, false, values);
                    double center = 0;
                    double scale = 1;
                    double mean = Double.NaN;
                    if (n > 0 && scaling == Scaling.STANDARD) {
                        mean = mean(values, n);
                        center = mean;
                        scale = populationStd(values, n, center);
                    } else if (n > 0 && scaling == Scaling.MINMAX) {
                        center = Arrays.stream(values, 0, n).min().orElseThrow();
                        scale = Arrays.stream(values, 0, n).max().orElseThrow() - center;
                    }
                    // A constant column carries no information; dividing by zero would turn it into NaN.
                    scale = scale > 0 ? scale : 1;
                    yield new FeatureEncoder(feature.name(), FeatureEncoder.Kind.NUMERIC, center, scale,
                            fill(values, n, imputation, mean), null, null);
                }
            });
        }
        return encoders;
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

    /**
     * Puts the non-missing values of column {@code c} in the given rows into {@code into}, in row order (booleans as 1
     * for true and 0), and returns how many there are.
     */
    private static int values(ParsedTable table, int[] rows, int c, boolean asBoolean, double[] into) {
        double[] column = asBoolean ? table.booleans(c) : table.numbers(c);
        int n = 0;
        for (int r : rows) {
            if (!Double.isNaN(column[r])) {
                into[n++] = column[r];
            }
        }
        return n;
    }

    /** The fill value of {@code values[0..n)}, reordering them; {@code mean} is theirs if already known, else NaN. */
    private static double fill(double[] values, int n, Imputation imputation, double mean) {
        if (n == 0) {
            return 0;
        }
        if (imputation == Imputation.MEAN) {
            return Double.isNaN(mean) ? mean(values, n) : mean;
        }
        return Median.ofFirst(values, n);
    }

    private static double mean(double[] values, int n) {
        return Arrays.stream(values, 0, n).average().orElse(0);
    }

    private static double populationStd(double[] values, int n, double mean) {
        double squares = 0;
        for (int i = 0; i < n; i++) {
            squares += (values[i] - mean) * (values[i] - mean);
        }
        return Math.sqrt(squares / n);
    }

}
