package dev.backprop.dataset;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Statistics of one column, gathered value by value: missing count, distinct values with counts (exact up to
 * {@value #DISTINCT_LIMIT}, a lower bound beyond), and running mean/variance (Welford) both of the values as numbers
 * and of their truth as booleans, since the type is only known at the end.
 */
final class ColumnAccumulator {

    /** Beyond this many distinct values (an id column, say) new values are no longer remembered. */
    static final int DISTINCT_LIMIT = 100_000;

    private static final Set<String> BOOLEAN_WORDS = Set.of("true", "false", "yes", "no");

    private final String name;
    private final int maxTrackedLevels;
    private final Map<String, Long> counts = new HashMap<>();
    private long missing;
    private boolean allNumeric = true;
    private boolean allZeroOne = true;
    private boolean allBooleanWords = true;
    private final Running asNumber = new Running();
    private final Running asTruth = new Running();

    ColumnAccumulator(String name, int maxTrackedLevels) {
        this.name = name;
        this.maxTrackedLevels = maxTrackedLevels;
    }

    void add(String value) {
        if (value == null) {
            missing++;
            return;
        }
        if (counts.containsKey(value) || counts.size() < DISTINCT_LIMIT) {
            counts.merge(value, 1L, Long::sum);
        }
        if (allNumeric) {
            Double number = Numbers.parse(value);
            if (number == null) {
                allNumeric = false;
                allZeroOne = false;
            } else if (Math.abs(number) > Float.MAX_VALUE) {
                // The networks compute in 32-bit floats; such a value would become infinity and every loss NaN.
                throw new InvalidCsvException("Column '" + name + "' has the value " + value + ", beyond ±" + Float.MAX_VALUE
                        + ", the largest number the networks compute with. Rescale the column (e.g. divide it by a power"
                        + " of ten) or remove the value.");
            } else {
                asNumber.add(number);
                allZeroOne = allZeroOne && (number == 0.0 || number == 1.0);
            }
        }
        allBooleanWords = allBooleanWords && BOOLEAN_WORDS.contains(value.toLowerCase(Locale.ROOT));
        asTruth.add(Numbers.isTrue(value) ? 1 : 0);
    }

    ColumnSchema schema() {
        List<LevelCount> levels = counts.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .limit(maxTrackedLevels)
                .map(e -> new LevelCount(e.getKey(), e.getValue()))
                .toList();
        boolean truncated = counts.size() > maxTrackedLevels;
        ColumnType type = type();
        Running stats = type == ColumnType.BOOLEAN ? asTruth : asNumber;
        if (type == ColumnType.CATEGORICAL) {
            return new ColumnSchema(name, type, missing, counts.size(), null, null, null, null, levels, truncated);
        }
        return new ColumnSchema(name, type, missing, counts.size(), stats.min, stats.max, stats.mean, stats.sampleStd(),
                levels, truncated);
    }

    private ColumnType type() {
        if (counts.isEmpty()) {
            return ColumnType.CATEGORICAL;
        }
        if (allNumeric) {
            return allZeroOne ? ColumnType.BOOLEAN : ColumnType.NUMERIC;
        }
        return allBooleanWords && counts.size() <= 2 ? ColumnType.BOOLEAN : ColumnType.CATEGORICAL;
    }

    /** Welford's running mean and variance, with min and max. */
    private static final class Running {
        private long n;
        private double mean;
        private double squares;
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;

        void add(double x) {
            n++;
            double delta = x - mean;
            mean += delta / n;
            squares += delta * (x - mean);
            min = Math.min(min, x);
            max = Math.max(max, x);
        }

        double sampleStd() {
            return n > 1 ? Math.sqrt(squares / (n - 1)) : 0.0;
        }
    }
}
