package dev.backprop.dataset;

import java.util.List;
import java.util.Map;

/**
 * A parsed CSV: the header and the rows, each row as wide as the header. A missing (empty) cell is {@code null}.
 *
 * @param numericColumns every row's number (NaN where missing) of columns known to hold only numbers, by column
 *                       position, as {@link Numbers#parseDouble} gives them; a table loaded from its snapshot knows
 *                       them without parsing, one read from CSV knows none
 */
public record CsvTable(List<String> columns, List<String[]> rows, Map<Integer, double[]> numericColumns) {

    public CsvTable(List<String> columns, List<String[]> rows) {
        this(columns, rows, Map.of());
    }

    public int columnIndex(String name) {
        return columns.indexOf(name);
    }
}
