package dev.backprop.preprocessing;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.backprop.dataset.CsvTable;
import dev.backprop.dataset.Numbers;
import dev.backprop.shared.InvalidRequestException;

/**
 * A table whose numeric columns are parsed once, on first use: fitting the preprocessing and encoding every part of a
 * split (or every fold of a cross-validation) read the numbers from here instead of parsing each cell again. Belongs
 * to one job, whose threads may share it (a column two of them parse at once is parsed twice, to the same numbers).
 */
public final class ParsedTable {

    private final CsvTable table;
    private final Map<String, Integer> columnIndex = new HashMap<>();
    private final Map<Integer, double[]> numbers = new ConcurrentHashMap<>();
    private final Map<Integer, double[]> booleans = new ConcurrentHashMap<>();

    public ParsedTable(CsvTable table) {
        this.table = table;
        for (int c = 0; c < table.columns().size(); c++) {
            columnIndex.put(table.columns().get(c), c);
        }
        // Numbers the table already knows (loaded from the dataset's snapshot) are the ones parse would find.
        numbers.putAll(table.numericColumns());
    }

    public CsvTable table() {
        return table;
    }

    /** The position of a column; refused when the table has no such column. */
    public int columnIndex(String name) {
        Integer c = columnIndex.get(name);
        if (c == null) {
            throw new InvalidRequestException(name, "the dataset has no column '" + name + "'");
        }
        return c;
    }

    /** The raw cell ({@code null} = missing). */
    public String raw(int row, int column) {
        return table.cell(row, column);
    }

    /** Every row's value of a numeric column, NaN where the cell is missing; parsed on the first call. */
    public double[] numbers(int column) {
        parse(new int[] {column});
        return numbers.get(column);
    }

    /**
     * Parses the numeric columns not parsed yet in one pass over the rows: the table is stored by row, and reading
     * it column by column missed the CPU caches on every cell.
     */
    public void parse(int[] columns) {
        parseInto(numbers, columns, (raw, column, row) -> {
            double value = Numbers.parseDouble(raw);
            if (raw != null && Double.isNaN(value)) {
                String name = table.columns().get(column);
                throw new InvalidRequestException(name, "'" + raw + "' (data row " + (row + 1)
                        + ") is not a number; column '" + name + "' is numeric");
            }
            return value;
        });
    }

    /** Every row's value of a boolean column as 1 (true) or 0, NaN where the cell is missing; read on the first call. */
    public double[] booleans(int column) {
        parseBooleans(new int[] {column});
        return booleans.get(column);
    }

    /** Reads the boolean columns not read yet in one pass over the rows, as {@link #parse} does the numeric ones. */
    public void parseBooleans(int[] columns) {
        // A column whose every cell is a number is true exactly where the number is 1 (Numbers.isTrue), so its known
        // numbers answer without a text per cell (MNIST: 111 always-blank 0/1 border columns, 1.1 million cells).
        for (int c : columns) {
            double[] known = numbers.get(c);
            if (known != null && !booleans.containsKey(c)) {
                double[] truth = new double[known.length];
                for (int r = 0; r < known.length; r++) {
                    truth[r] = Double.isNaN(known[r]) ? Double.NaN : known[r] == 1.0 ? 1 : 0;
                }
                booleans.put(c, truth);
            }
        }
        parseInto(booleans, columns, (raw, column, row) -> raw == null ? Double.NaN : Numbers.isTrue(raw) ? 1 : 0);
    }

    private interface CellValue {
        double of(String raw, int column, int row);
    }

    private void parseInto(Map<Integer, double[]> parsed, int[] columns, CellValue cellValue) {
        int[] todo = java.util.Arrays.stream(columns).distinct().filter(c -> !parsed.containsKey(c)).toArray();
        if (todo.length == 0) {
            return;
        }
        int rows = table.rows().size();
        double[][] values = new double[todo.length][rows];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < todo.length; k++) {
                values[k][r] = cellValue.of(table.cell(r, todo[k]), todo[k], r);
            }
        }
        for (int k = 0; k < todo.length; k++) {
            parsed.put(todo[k], values[k]);
        }
    }
}
