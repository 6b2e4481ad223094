package dev.backprop.prediction.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.backprop.dataset.InvalidCsvException;
import dev.backprop.prediction.TablePredictions;
import dev.backprop.shared.InvalidRequestException;
import dev.backprop.shared.Violation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A CSV batch read on the request's thread while a helper predicts the chunk before: the same answer as one thread
 * gives, in order, and the same first problem.
 */
class CsvPredictionsOnTwoThreadsTest {

    private final ExecutorService helper = Executors.newSingleThreadExecutor();
    private final Set<String> threads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger running = new AtomicInteger();

    @AfterEach
    void stop() throws InterruptedException {
        helper.shutdownNow();
        assertThat(helper.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void theAnswerIsTheOneThreadsAnswerByteForByte() {
        byte[] csv = csv(10_500, -1, -1);

        byte[] alone = CsvPredictions.predict(new ByteArrayInputStream(csv), 100_000, 1_000, Long.MAX_VALUE, this::predict);
        byte[] helped = CsvPredictions.predict(new ByteArrayInputStream(csv), 100_000, 1_000, Long.MAX_VALUE, this::predict,
                helper);

        assertThat(helped).isEqualTo(alone);
        List<String> lines = new String(helped, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(10_501);
        assertThat(lines.get(0)).isEqualTo("id,x,prediction");
        assertThat(lines.get(10_500)).isEqualTo("10499,0,10499.0");
        String test = Thread.currentThread().getName();
        assertThat(threads).as("chunks predicted on the helper").anyMatch(name -> !name.equals(test));
    }

    @Test
    void aProblemInAnEarlierChunkIsReportedBeforeAnUnreadableLaterRow() {
        // Row 10 has a value the model refuses; row 1,500 has a field too many, which the reader meets while the helper
        // still predicts the first chunk or after it has failed.
        byte[] csv = csv(3_000, 10, 1_500);

        assertThatThrownBy(() -> CsvPredictions.predict(new ByteArrayInputStream(csv), 100_000, 1_000, Long.MAX_VALUE,
                this::predict)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("row 10");
        assertThatThrownBy(() -> CsvPredictions.predict(new ByteArrayInputStream(csv), 100_000, 1_000, Long.MAX_VALUE,
                this::predict, helper)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("row 10");
        assertThat(running).as("no chunk is still being predicted once the request has its answer").hasValue(0);
    }

    @Test
    void whenTwoChunksFailTheEarlierOnesProblemIsReported() {
        // Both chunks are handed to the helper before the first one's failure is seen.
        byte[] csv = csv(3_000, 10, -1);
        byte[] both = new String(csv, StandardCharsets.UTF_8).replace("\n1499,0\n", "\n1499,bad\n")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> CsvPredictions.predict(new ByteArrayInputStream(both), 100_000, 1_000, Long.MAX_VALUE,
                this::predict, helper)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("row 10")
                .hasMessageNotContaining("row 1500");
        assertThat(running).hasValue(0);
    }

    @Test
    void anUnreadableRowWithNoEarlierProblemIsReportedAsTheReaderFoundIt() {
        byte[] csv = csv(3_000, -1, 2_500);

        assertThatThrownBy(() -> CsvPredictions.predict(new ByteArrayInputStream(csv), 100_000, 1_000, Long.MAX_VALUE,
                this::predict, helper)).isInstanceOf(InvalidCsvException.class).hasMessageContaining("has 3 fields but the header has 2");
        assertThat(running).hasValue(0);
    }

    @Test
    void aProblemInALaterChunkFailsTheRequestAfterEveryChunkHasFinished() {
        byte[] csv = csv(5_000, 4_321, -1);

        assertThatThrownBy(() -> CsvPredictions.predict(new ByteArrayInputStream(csv), 100_000, 1_000, Long.MAX_VALUE,
                this::predict, helper)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("row 4321");
        assertThat(running).hasValue(0);
    }

    /** Column x is the row number mod 10; the prediction is id + x, and an x of "bad" is refused. */
    private TablePredictions predict(List<String> columns, List<String[]> rows, int firstRow) {
        running.incrementAndGet();
        try {
            threads.add(Thread.currentThread().getName());
            double[] numbers = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                String x = rows.get(i)[1];
                if (x.equals("bad")) {
                    String path = "row " + (firstRow + i + 1) + ".x";
                    throw new InvalidRequestException(path + ": not a number", List.of(new Violation(path, "not a number")));
                }
                numbers[i] = Double.parseDouble(rows.get(i)[0]) + Double.parseDouble(x);
            }
            return new TablePredictions(List.of("prediction"), null, numbers);
        } finally {
            running.decrementAndGet();
        }
    }

    /** Rows 1..{@code rows}; a 1-based {@code badValueRow} gets x = "bad", a {@code tooWideRow} a third field. */
    private static byte[] csv(int rows, int badValueRow, int tooWideRow) {
        StringBuilder csv = new StringBuilder("id,x\n");
        for (int r = 1; r <= rows; r++) {
            csv.append(r - 1).append(',').append(r == badValueRow ? "bad" : String.valueOf(r % 10));
            csv.append(r == tooWideRow ? ",extra\n" : "\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
