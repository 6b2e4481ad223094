package dev.backprop.prediction.web;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.backprop.dataset.CsvReader;
import dev.backprop.dataset.Numbers;
import dev.backprop.prediction.TablePredictions;
import dev.backprop.shared.TooLargeException;
import tools.jackson.core.io.NumberOutput;

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
        TablePredictions predict(List<String> columns, List<String[]> rows, int firstRow);
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
            TablePredictions predictions, boolean withHeader) {
        print(text, columns, inputs, predictions, withHeader);
        out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        text.setLength(0);
    }

    private static void print(StringBuilder text, List<String> columns, List<String[]> inputs, TablePredictions predictions,
            boolean withHeader) {
        if (withHeader) {
            List<String> header = new ArrayList<>(columns);
            header.addAll(predictions.columns());
            for (int c = 0; c < header.size(); c++) {
                CsvCells.append(text, safe(header.get(c)), c == 0);
            }
            text.append(CsvCells.RECORD_SEPARATOR);
        }
        int numbers = predictions.numbersPerRow();
        for (int i = 0; i < inputs.size(); i++) {
            String[] input = inputs.get(i);
            for (int c = 0; c < input.length; c++) {
                CsvCells.append(text, safe(input[c]), c == 0);
            }
            boolean first = input.length == 0;
            if (predictions.labels() != null) {
                CsvCells.append(text, safe(predictions.labels()[i]), first);
                first = false;
            }
            for (int n = 0; n < numbers; n++) {
                // Jackson's Schubfach: the shortest text that reads back as the same double (as Double.toString's
                // does, but for a few digits too many at times), several times faster.
                CsvCells.append(text, NumberOutput.toString(predictions.number(i, n), true), first);
                first = false;
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
