package dev.backprop.prediction.web;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.backprop.dataset.CsvReader;
import dev.backprop.dataset.Numbers;
import dev.backprop.prediction.Predictions;
import dev.backprop.prediction.RowPrediction;
import dev.backprop.shared.TooLargeException;

/**
 * CSV in, CSV out: the input columns as sent, then the prediction columns. The request is read as a stream and
 * predicted in chunks, so it never sits in memory as a table; the answer is held as bytes until the last row has
 * been predicted, so a bad row anywhere still gets a 400 instead of a half-written 200.
 */
final class CsvPredictions {

    static final int CHUNK_ROWS = 1_024;

    /**
     * Predicts one chunk; {@code rows[i][c]} is the value of {@code columns.get(c)} ({@code null} when empty), and
     * {@code firstRow} is the chunk's first row number, 0-based, for error paths.
     */
    @FunctionalInterface
    interface ChunkPredictor {
        Predictions predict(List<String> columns, List<String[]> rows, int firstRow);
    }

    private CsvPredictions() {
    }

    static byte[] predict(InputStream body, int maxRows, int maxRowLength, long maxCharacters, ChunkPredictor predictor) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Printed chunk by chunk into a StringBuilder, then encoded at once: cheaper than a Writer per character.
        StringBuilder text = new StringBuilder(1 << 16);
        List<List<String>> header = new ArrayList<>(1);
        List<String[]> chunk = new ArrayList<>(CHUNK_ROWS);
        int[] rows = {0};
        CsvReader.stream(body, maxRowLength, maxCharacters, header::add, values -> {
            if (++rows[0] > maxRows) {
                throw new TooLargeException("The request has more than " + maxRows
                        + " rows; the limit backprop.prediction.max-rows is " + maxRows + ". Split it into smaller requests.");
            }
            chunk.add(values);
            if (chunk.size() == CHUNK_ROWS) {
                write(text, out, header.get(0), chunk, predictor.predict(header.get(0), chunk, rows[0] - chunk.size()),
                        rows[0] == chunk.size());
                chunk.clear();
            }
            return true;
        });
        if (!chunk.isEmpty()) {
            write(text, out, header.get(0), chunk, predictor.predict(header.get(0), chunk, rows[0] - chunk.size()),
                    rows[0] == chunk.size());
        }
        return out.toByteArray();
    }

    private static void write(StringBuilder text, ByteArrayOutputStream out, List<String> columns, List<String[]> inputs,
            Predictions predictions, boolean withHeader) {
        print(text, columns, inputs, predictions, withHeader);
        out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        text.setLength(0);
    }

    private static void print(StringBuilder text, List<String> columns, List<String[]> inputs, Predictions predictions,
            boolean withHeader) {
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
            for (int c = 0; c < header.size(); c++) {
                CsvCells.append(text, safe(header.get(c)), c == 0);
            }
            text.append(CsvCells.RECORD_SEPARATOR);
        }
        for (int i = 0; i < inputs.size(); i++) {
            String[] input = inputs.get(i);
            for (int c = 0; c < input.length; c++) {
                CsvCells.append(text, safe(input[c]), c == 0);
            }
            boolean first = input.length == 0;
            RowPrediction row = predictions.rows().get(i);
            if (valueColumns != null) {
                for (String column : valueColumns) {
                    CsvCells.append(text, Double.toString(row.values().get(column)), first);
                    first = false;
                }
            } else if (scored) {
                CsvCells.append(text, safe(row.prediction()), first);
                CsvCells.append(text, Double.toString(row.score()), false);
            } else if (classification) {
                CsvCells.append(text, safe(row.prediction()), first);
                for (String label : predictions.labels()) {
                    CsvCells.append(text, Double.toString(row.probabilities().get(label)), false);
                }
            } else {
                CsvCells.append(text, Double.toString(row.value()), first);
            }
            text.append(CsvCells.RECORD_SEPARATOR);
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
