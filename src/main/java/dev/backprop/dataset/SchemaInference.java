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
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long numericCount = 0;
        for (String[] row : table.rows()) {
            String value = row[c];
            if (value == null) {
                missing++;
                continue;
            }
            counts.merge(value, 1L, Long::sum);
            if (allNumeric) {
                Double number = Numbers.parse(value);
                if (number == null) {
                    allNumeric = false;
                } else {
                    sum += number;
                    min = Math.min(min, number);
                    max = Math.max(max, number);
                    numericCount++;
                }
            }
        }
        String name = table.columns().get(c);
        List<LevelCount> levels = counts.entrySet().stream()
                .limit(maxTrackedLevels)
                .map(e -> new LevelCount(e.getKey(), e.getValue()))
                .toList();
        boolean truncated = counts.size() > maxTrackedLevels;
        ColumnType type = typeOf(counts.keySet(), allNumeric && numericCount > 0);
        if (type == ColumnType.CATEGORICAL || numericCount == 0) {
            return new ColumnSchema(name, type, missing, counts.size(), null, null, null, null, levels, truncated);
        }
        double mean = sum / numericCount;
        double squares = 0;
        for (String[] row : table.rows()) {
            if (row[c] != null) {
                double d = Numbers.parse(row[c]) - mean;
                squares += d * d;
            }
        }
        double std = numericCount > 1 ? Math.sqrt(squares / (numericCount - 1)) : 0.0;
        return new ColumnSchema(name, type, missing, counts.size(), min, max, mean, std, levels, truncated);
    }

    private static ColumnType typeOf(Set<String> distinct, boolean numeric) {
        if (distinct.isEmpty()) {
            return ColumnType.CATEGORICAL;
        }
        if (numeric) {
            boolean zeroOne = distinct.stream().map(Numbers::parse).allMatch(v -> v == 0.0 || v == 1.0);
            return zeroOne && distinct.size() <= 2 ? ColumnType.BOOLEAN : ColumnType.NUMERIC;
        }
        boolean words = distinct.size() <= 2 && distinct.stream()
                .allMatch(v -> BOOLEAN_WORDS.contains(v.toLowerCase(Locale.ROOT)));
        return words ? ColumnType.BOOLEAN : ColumnType.CATEGORICAL;
    }
}
