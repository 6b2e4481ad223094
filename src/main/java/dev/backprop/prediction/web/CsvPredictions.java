package dev.backprop.prediction.web;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import dev.backprop.dataset.CsvReader;
import dev.backprop.dataset.Numbers;
import dev.backprop.prediction.TablePredictions;
import dev.backprop.shared.Futures;
import dev.backprop.shared.TooLargeException;
import tools.jackson.core.io.NumberOutput;

/**
 * CSV in, CSV out: the input columns as sent, then the prediction columns. The request is read as a stream and
 * predicted in chunks, so it never sits in memory as a table; the answer is held as bytes until the last row has
 * been predicted, so a bad row anywhere still gets a 400 instead of a half-written 200. Reading a chunk and predicting
 * the one before take about as long, so the two run on two threads when a helper is free: a 100,000-row request
 * then uses both cores of a two-core machine.
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

    /**
     * Reads the request chunk by chunk and predicts each on {@code helper} while reading the next: while a chunk is
     * read, only the one before it may still be being predicted. The answers are written in order.
     *
     * @param helper runs a chunk's prediction; an executor that runs it at once on the calling thread makes this
     *               sequential
     */
    static byte[] predict(InputStream body, int maxRows, int maxRowLength, long maxCharacters, ChunkPredictor predictor,
            Executor helper) {
        Answer answer = new Answer(predictor, helper);
        List<List<String>> header = new ArrayList<>(1);
        try {
            CsvReader.stream(body, maxRowLength, maxCharacters, header::add, values -> {
                if (answer.rows() == maxRows) {
                    throw new TooLargeException("The request has more than " + maxRows
                            + " rows; the limit backprop.prediction.max-rows is " + maxRows + ". Split it into smaller requests.");
                }
                answer.add(header.get(0), values);
                return true;
            });
        } catch (RuntimeException e) {
            // Chunks before the row that could not be read may hold a problem of their own: theirs is reported first.
            answer.drain();
            throw e;
        }
        return answer.finish();
    }

    /** Single-threaded: each chunk is predicted before the next is read. */
    static byte[] predict(InputStream body, int maxRows, int maxRowLength, long maxCharacters, ChunkPredictor predictor) {
        return predict(body, maxRows, maxRowLength, maxCharacters, predictor, Runnable::run);
    }

    /** The answer's bytes so far, the chunk being read, and the chunks still being predicted, oldest first. */
    private static final class Answer {

        private final ChunkPredictor predictor;
        private final Executor helper;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ArrayDeque<CompletableFuture<byte[]>> pending = new ArrayDeque<>(2);
        private List<String> columns;
        private List<String[]> chunk = new ArrayList<>(CHUNK_ROWS);
        private int rows;

        Answer(ChunkPredictor predictor, Executor helper) {
            this.predictor = predictor;
            this.helper = helper;
        }

        int rows() {
            return rows;
        }

        /** Adds a row; a full chunk starts being predicted, after which every older chunk is waited for. */
        void add(List<String> header, String[] row) {
            columns = header;
            chunk.add(row);
            rows++;
            if (chunk.size() == CHUNK_ROWS) {
                start();
                while (pending.size() > 1) {
                    take();
                }
            }
        }

        /** Predicts the last, partial chunk and returns the whole answer (see {@link #drain}). */
        byte[] finish() {
            if (!chunk.isEmpty()) {
                start();
            }
            drain();
            return out.toByteArray();
        }

        /** Waits for every chunk started, in order; the oldest failure is thrown once none is running. */
        void drain() {
            while (!pending.isEmpty()) {
                take();
            }
        }

        private void start() {
            List<String[]> rowsOfChunk = chunk;
            List<String> header = columns;
            int firstRow = rows - rowsOfChunk.size();
            chunk = new ArrayList<>(CHUNK_ROWS);
            pending.add(CompletableFuture.supplyAsync(() -> text(header, rowsOfChunk,
                    predictor.predict(header, rowsOfChunk, firstRow), firstRow == 0), helper));
        }

        /** Writes the oldest chunk's answer; if it failed, waits for the newer ones and throws its failure. */
        private void take() {
            try {
                out.writeBytes(Futures.join(pending.poll()));
            } catch (RuntimeException failure) {
                while (!pending.isEmpty()) {
                    pending.poll().exceptionally(ignored -> null).join();
                }
                throw failure;
            }
        }
    }

    /** One chunk's lines of the answer as UTF-8: printed into a StringBuilder and encoded at once, cheaper than a Writer. */
    private static byte[] text(List<String> columns, List<String[]> inputs, TablePredictions predictions, boolean withHeader) {
        StringBuilder text = new StringBuilder(1 << 16);
        print(text, columns, inputs, predictions, withHeader);
        return text.toString().getBytes(StandardCharsets.UTF_8);
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
