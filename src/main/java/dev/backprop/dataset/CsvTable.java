package dev.backprop.dataset;

import java.util.List;
import java.util.Map;

/**
 * A parsed CSV: the header and the rows, each row as wide as the header. A missing (empty) cell is {@code null}.
 * Read cells with {@link #cell}: a table loaded from its snapshot builds a row array each time a row is asked for.
 *
 * @param numericColumns every row's number (NaN where missing) of columns known to hold only numbers, by column
 *                       position, as {@link Numbers#parseDouble} gives them; a table loaded from its snapshot knows
 *                       them without parsing, one read from CSV knows none
 */
public record CsvTable(List<String> columns, List<String[]> rows, Map<Integer, double[]> numericColumns) {

    public CsvTable(List<String> columns, List<String[]> rows) {
        this(columns, rows, Map.of());
    }

    /** The cell in data row {@code row} (0-based) and column {@code column}; {@code null} when missing. */
    public String cell(int row, int column) {
        return rows instanceof CodedRows coded ? coded.cell(row, column) : rows.get(row)[column];
    }

    public int columnIndex(String name) {
        return columns.indexOf(name);
    }
}
