package dev.backprop.dataset;

import java.util.List;

/**
 * A parsed CSV: the header and the rows, each row as wide as the header. A missing (empty) cell is {@code null}.
 */
public record CsvTable(List<String> columns, List<String[]> rows) {

    public int columnIndex(String name) {
        return columns.indexOf(name);
    }
}
