package dev.backprop.dataset;

import java.util.ArrayList;
import java.util.List;

/**
 * Infers each column's type and statistics from every value in it, one row at a time (an upload is never held in
 * memory whole): numeric when all non-missing values are finite numbers, boolean when they are drawn from 0/1,
 * true/false or yes/no, categorical otherwise.
 */
public final class SchemaInference {

    /** Collects statistics row by row; {@link #schema()} gives the result. */
    public static final class Accumulator {

        private final List<ColumnAccumulator> columns = new ArrayList<>();
        private long rows;

        private Accumulator(List<String> names, int maxTrackedLevels) {
            names.forEach(name -> columns.add(new ColumnAccumulator(name, maxTrackedLevels)));
        }

        public void add(String[] row) {
            rows++;
            for (int c = 0; c < row.length; c++) {
                columns.get(c).add(row[c]);
            }
        }

        public long rows() {
            return rows;
        }

        public DatasetSchema schema() {
            return new DatasetSchema(rows, columns.stream().map(ColumnAccumulator::schema).toList());
        }
    }

    private SchemaInference() {
    }

    public static Accumulator start(List<String> columns, int maxTrackedLevels) {
        return new Accumulator(columns, maxTrackedLevels);
    }

    public static DatasetSchema infer(CsvTable table, int maxTrackedLevels) {
        Accumulator accumulator = start(table.columns(), maxTrackedLevels);
        table.rows().forEach(accumulator::add);
        return accumulator.schema();
    }
}
