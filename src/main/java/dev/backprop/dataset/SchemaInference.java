package dev.backprop.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Infers each column's type and statistics from every value in it: numeric when all non-missing values are
 * finite numbers, boolean when they are two of 0/1, true/false or yes/no, categorical otherwise.
 */
public final class SchemaInference {

    private static final Set<String> BOOLEAN_WORDS = Set.of("true", "false", "yes", "no");

    private SchemaInference() {
    }

    public static DatasetSchema infer(CsvTable table, int maxTrackedLevels) {
        List<ColumnSchema> columns = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            columns.add(column(table, c, maxTrackedLevels));
        }
        return new DatasetSchema(table.rows().size(), columns);
    }

    private static ColumnSchema column(CsvTable table, int c, int maxTrackedLevels) {
        Map<String, Long> counts = new TreeMap<>();
        long missing = 0;
        boolean allNumeric = true;
        for (String[] row : table.rows()) {
            String value = row[c];
            if (value == null) {
                missing++;
            } else {
                counts.merge(value, 1L, Long::sum);
                allNumeric = allNumeric && Numbers.parse(value) != null;
            }
        }
        String name = table.columns().get(c);
        List<LevelCount> levels = counts.entrySet().stream()
                .limit(maxTrackedLevels)
                .map(e -> new LevelCount(e.getKey(), e.getValue()))
                .toList();
        boolean truncated = counts.size() > maxTrackedLevels;
        ColumnType type = typeOf(counts.keySet(), allNumeric);
        if (type == ColumnType.CATEGORICAL) {
            return new ColumnSchema(name, type, missing, counts.size(), null, null, null, null, levels, truncated);
        }
        // Booleans get statistics of their 0/1 meaning (mean = share of true), whatever words they use.
        double[] values = table.rows().stream()
                .map(row -> row[c])
                .filter(value -> value != null)
                .mapToDouble(value -> type == ColumnType.BOOLEAN ? (Numbers.isTrue(value) ? 1 : 0) : Numbers.parse(value))
                .toArray();
        double mean = java.util.Arrays.stream(values).average().orElseThrow();
        double squares = java.util.Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        double std = values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0.0;
        return new ColumnSchema(name, type, missing, counts.size(), java.util.Arrays.stream(values).min().orElseThrow(),
                java.util.Arrays.stream(values).max().orElseThrow(), mean, std, levels, truncated);
    }

    private static ColumnType typeOf(Set<String> distinct, boolean numeric) {
        if (distinct.isEmpty()) {
            return ColumnType.CATEGORICAL;
        }
        if (numeric) {
            boolean zeroOne = distinct.stream().map(Numbers::parse).allMatch(v -> v == 0.0 || v == 1.0);
            return zeroOne ? ColumnType.BOOLEAN : ColumnType.NUMERIC;
        }
        boolean words = distinct.size() <= 2 && distinct.stream()
                .allMatch(v -> BOOLEAN_WORDS.contains(v.toLowerCase(Locale.ROOT)));
        return words ? ColumnType.BOOLEAN : ColumnType.CATEGORICAL;
    }
}
