package dev.backprop.prediction.web;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.backprop.dataset.CsvReader;
import dev.backprop.dataset.Numbers;
import dev.backprop.prediction.Predictions;
import dev.backprop.prediction.RowPrediction;
import dev.backprop.shared.TooLargeException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV in, CSV out: the input columns as sent, then the prediction columns. The request is read as a stream and
 * predicted in chunks, so it never sits in memory as a table; the answer is held as bytes until the last row has
 * been predicted, so a bad row anywhere still gets a 400 instead of a half-written 200.
 */
final class CsvPredictions {

    static final int CHUNK_ROWS = 1_024;

    /** Predicts one chunk; {@code firstRow} is the chunk's first row number, 0-based, for error paths. */
    @FunctionalInterface
    interface ChunkPredictor {
        Predictions predict(List<String> columns, List<Map<String, String>> rows, int firstRow);
    }

    private CsvPredictions() {
    }

    static byte[] predict(InputStream body, int maxRows, int maxRowLength, long maxCharacters, ChunkPredictor predictor) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CSVPrinter printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16),
                CSVFormat.RFC4180)) {
            List<List<String>> header = new ArrayList<>(1);
            List<Map<String, String>> chunk = new ArrayList<>(CHUNK_ROWS);
            int[] rows = {0};
            CsvReader.stream(body, maxRowLength, maxCharacters, header::add, values -> {
                if (++rows[0] > maxRows) {
                    throw new TooLargeException("The request has more than " + maxRows
                            + " rows; the limit backprop.prediction.max-rows is " + maxRows + ". Split it into smaller requests.");
                }
                chunk.add(row(header.get(0), values));
                if (chunk.size() == CHUNK_ROWS) {
                    write(printer, header.get(0), chunk, predictor.predict(header.get(0), chunk, rows[0] - chunk.size()),
                            rows[0] == chunk.size());
                    chunk.clear();
                }
                return true;
            });
            if (!chunk.isEmpty()) {
                write(printer, header.get(0), chunk, predictor.predict(header.get(0), chunk, rows[0] - chunk.size()),
                        rows[0] == chunk.size());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Map<String, String> row(List<String> columns, String[] values) {
        Map<String, String> row = new HashMap<>(columns.size() * 2);
        for (int c = 0; c < values.length; c++) {
            row.put(columns.get(c), values[c]);
        }
        return row;
    }

    private static void write(CSVPrinter printer, List<String> columns, List<Map<String, String>> inputs,
            Predictions predictions, boolean withHeader) {
        try {
            print(printer, columns, inputs, predictions, withHeader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void print(CSVPrinter printer, List<String> columns, List<Map<String, String>> inputs,
            Predictions predictions, boolean withHeader) throws IOException {
        boolean classification = predictions.labels() != null;
        boolean scored = !predictions.rows().isEmpty() && predictions.rows().get(0).score() != null;
        List<String> valueColumns = predictions.rows().isEmpty() || predictions.rows().get(0).values() == null ? null
                : List.copyOf(predictions.rows().get(0).values().keySet());
        if (withHeader) {
            List<String> header = new ArrayList<>(columns);
            if (valueColumns != null) {
                valueColumns.forEach(column -> header.add("prediction_" + column));
            } else {
                header.add("prediction");
                if (scored) {
                    header.add("score");
                } else if (classification) {
                    predictions.labels().forEach(label -> header.add("probability_" + label));
                }
            }
            printer.printRecord(header.stream().map(CsvPredictions::safe).toList());
        }
        List<String> record = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            record.clear();
            Map<String, String> input = inputs.get(i);
            columns.forEach(column -> record.add(safe(input.get(column))));
            RowPrediction row = predictions.rows().get(i);
            if (valueColumns != null) {
                valueColumns.forEach(column -> record.add(Double.toString(row.values().get(column))));
            } else if (scored) {
                record.add(safe(row.prediction()));
                record.add(Double.toString(row.score()));
            } else if (classification) {
                record.add(safe(row.prediction()));
                predictions.labels().forEach(label -> record.add(Double.toString(row.probabilities().get(label))));
            } else {
                record.add(Double.toString(row.value()));
            }
            printer.printRecord(record);
        }
    }

    /** Spreadsheets run cells that start with = + - @ as formulas; such text (not a number) gets a leading quote. */
    static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return risky && Numbers.parse(value) == null ? "'" + value : value;
    }
}
