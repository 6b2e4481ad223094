package dev.backprop.dataset;

import java.util.List;
import java.util.Optional;

/** The inferred shape of a dataset: its columns in file order and the number of data rows. */
public record DatasetSchema(long rows, List<ColumnSchema> columns) {

    public Optional<ColumnSchema> column(String name) {
        return columns.stream().filter(column -> column.name().equals(name)).findFirst();
    }

    public List<String> columnNames() {
        return columns.stream().map(ColumnSchema::name).toList();
    }
}
