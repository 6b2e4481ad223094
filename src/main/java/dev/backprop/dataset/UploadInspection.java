package dev.backprop.dataset;

import java.io.InputStream;

import dev.backprop.shared.TooLargeException;

/**
 * One pass over an upload: parses it with the configured limits (columns, rows, row length), infers its schema and
 * writes its snapshot. Throws {@link InvalidCsvException} for what is not usable CSV and {@link TooLargeException}
 * naming the limit.
 */
final class UploadInspection {

    private UploadInspection() {
    }

    static DatasetSchema inspect(InputStream in, DatasetProperties limits, SnapshotWriter snapshot) {
        SchemaInference.Accumulator[] schema = new SchemaInference.Accumulator[1];
        CsvReader.stream(in, limits.maxRowLength(), limits.maxCharacters(), columns -> {
            if (columns.size() > limits.maxColumns()) {
                throw new TooLargeException("The file has " + columns.size() + " columns; the limit backprop.datasets.max-columns is "
                        + limits.maxColumns() + ".");
            }
            schema[0] = SchemaInference.start(columns, limits.maxTrackedLevels());
            snapshot.header(columns);
        }, row -> {
            if (schema[0].rows() >= limits.maxRows()) {
                throw new TooLargeException("The file has more than " + limits.maxRows()
                        + " rows; the limit backprop.datasets.max-rows is " + limits.maxRows() + ".");
            }
            schema[0].add(row);
            snapshot.row(row);
            return true;
        });
        return schema[0].schema();
    }
}
