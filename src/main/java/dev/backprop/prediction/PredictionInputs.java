package dev.backprop.prediction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import dev.backprop.preprocessing.FeatureEncoder;
import dev.backprop.preprocessing.Preprocessor;
import dev.backprop.shared.InvalidRequestException;
import dev.backprop.shared.Violation;

/** Turns raw prediction rows (column → value as text) into network inputs, collecting every problem with its path. */
public final class PredictionInputs {

    private static final int MAX_REPORTED_PROBLEMS = 100;

    private PredictionInputs() {
    }

    /**
     * One input vector per row; {@code warnings} receives one list per row (unseen levels and the like). Throws
     * {@link InvalidRequestException} listing up to 100 problems: unknown or missing features, values of the wrong kind.
     *
     * @param rowPath            names row i in error paths, e.g. {@code "$[3]"}; {@code null} for a single row
     * @param ignoreOtherColumns whether columns that are not features are allowed (tables may carry an id column)
     */
    public static float[][] encode(Preprocessor preprocessor, List<Map<String, String>> rows, IntFunction<String> rowPath,
            boolean ignoreOtherColumns, List<List<String>> warnings) {
        List<Violation> problems = new ArrayList<>();
        float[][] inputs = new float[rows.size()][];
        for (int i = 0; i < rows.size() && problems.size() < MAX_REPORTED_PROBLEMS; i++) {
            int row = i;
            // Error paths are only spelled out when there is an error: most batches have none.
            Supplier<String> prefix = () -> rowPath == null ? "" : rowPath.apply(row) + ".";
            List<String> rowWarnings = new ArrayList<>(0);
            warnings.add(rowWarnings);
            inputs[i] = encode(preprocessor, rows.get(i), prefix, rowWarnings, problems, ignoreOtherColumns);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems.size() == 1 ? problems.get(0).message()
                    : problems.size() + " input problems; see errors.", problems);
        }
        return inputs;
    }

    /**
     * Like {@link #encode} for rows of a table: {@code rows[i][c]} is the value of {@code columns.get(c)}, and columns
     * that are not features are ignored. Each feature is looked up among the columns once for all rows, and a row's
     * warnings list is only allocated when it has warnings, so large batches cost little beyond the encoding itself.
     */
    public static float[][] encodeTable(Preprocessor preprocessor, List<String> columns, List<String[]> rows,
            IntFunction<String> rowPath, List<List<String>> warnings) {
        List<Violation> problems = new ArrayList<>();
        float[][] inputs = new float[rows.size()][];
        List<String> features = preprocessor.featureColumns();
        int[] columnOf = new int[features.size()];
        for (int f = 0; f < columnOf.length; f++) {
            columnOf[f] = columns.indexOf(features.get(f));
        }
        List<String> rowWarnings = new ArrayList<>(0);
        for (int i = 0; i < rows.size() && problems.size() < MAX_REPORTED_PROBLEMS; i++) {
            String[] row = rows.get(i);
            int index = i;
            Supplier<String> prefix = () -> rowPath == null ? "" : rowPath.apply(index) + ".";
            for (int f = 0; f < columnOf.length; f++) {
                if (columnOf[f] < 0) {
                    problems.add(new Violation(prefix.get() + features.get(f), "missing feature '" + features.get(f)
                            + "'; give every feature (an empty value means missing and is imputed)"));
                }
            }
            try {
                inputs[i] = preprocessor.encodeByPosition(f -> {
                    String value = columnOf[f] < 0 ? null : row[columnOf[f]];
                    return value == null || value.isBlank() ? null : value.strip();
                }, rowWarnings::add);
            } catch (InvalidRequestException e) {
                e.violations().forEach(v -> problems.add(new Violation(prefix.get() + v.path(), v.message())));
            }
            warnings.add(rowWarnings.isEmpty() ? List.of() : new ArrayList<>(rowWarnings));
            rowWarnings.clear();
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems.size() == 1 ? problems.get(0).message()
                    : problems.size() + " input problems; see errors.", problems);
        }
        return inputs;
    }

    private static float[] encode(Preprocessor preprocessor, Map<String, String> row, Supplier<String> prefix,
            List<String> warnings, List<Violation> problems, boolean ignoreOtherColumns) {
        // A row that has every feature and no more keys than features has no unknown ones: the usual case is
        // checked without building the feature list or a set of it for each row.
        List<FeatureEncoder> encoders = preprocessor.features();
        List<String> missing = null;
        for (FeatureEncoder encoder : encoders) {
            if (!row.containsKey(encoder.column())) {
                missing = missing == null ? new ArrayList<>() : missing;
                missing.add(encoder.column());
            }
        }
        int present = encoders.size() - (missing == null ? 0 : missing.size());
        if (!ignoreOtherColumns && row.size() > present) {
            List<String> features = preprocessor.featureColumns();
            Set<String> known = Set.copyOf(features);
            for (String key : row.keySet()) {
                if (!known.contains(key)) {
                    problems.add(new Violation(prefix.get() + key, "unknown feature '" + key + "'; this model's features are " + features));
                }
            }
        }
        if (missing != null) {
            for (String feature : missing) {
                problems.add(new Violation(prefix.get() + feature, "missing feature '" + feature
                        + "'; give every feature (an empty value means missing and is imputed)"));
            }
        }
        try {
            return preprocessor.encode(column -> {
                String value = row.get(column);
                return value == null || value.isBlank() ? null : value.strip();
            }, warnings::add);
        } catch (InvalidRequestException e) {
            e.violations().forEach(v -> problems.add(new Violation(prefix.get() + v.path(), v.message())));
            return null;
        }
    }
}
