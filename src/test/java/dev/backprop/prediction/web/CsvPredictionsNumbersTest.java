package dev.backprop.prediction.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import dev.backprop.prediction.TablePredictions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The numbers of a CSV answer read back as exactly the doubles the JSON answer carries. */
class CsvPredictionsNumbersTest {

    @Test
    void everyPrintedNumberReadsBackAsTheSameDouble() {
        Random random = new Random(7);
        double[] numbers = new double[2_000];
        for (int i = 0; i < numbers.length; i += 2) {
            float probability = random.nextFloat() * (i % 10 == 0 ? 1e-6f : 1f);
            numbers[i] = probability;
            numbers[i + 1] = 1 - (double) probability;
        }
        numbers[0] = 2.82879384806159E17;
        numbers[1] = Double.MIN_VALUE;
        numbers[2] = -0.0;
        StringBuilder csv = new StringBuilder("id\n");
        for (int r = 0; r < numbers.length / 2; r++) {
            csv.append(r).append('\n');
        }

        byte[] answer = CsvPredictions.predict(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                10_000, 1_000, 1_000_000L, (columns, rows, firstRow) -> {
                    double[] chunk = java.util.Arrays.copyOfRange(numbers, 2 * firstRow, 2 * (firstRow + rows.size()));
                    return new TablePredictions(List.of("prediction_a", "prediction_b"), null, chunk);
                });

        List<String> lines = new String(answer, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("id,prediction_a,prediction_b");
        for (int r = 0; r < numbers.length / 2; r++) {
            String[] cells = lines.get(r + 1).split(",");
            assertThat(Double.parseDouble(cells[1])).as(lines.get(r + 1)).isEqualTo(numbers[2 * r]);
            assertThat(Double.parseDouble(cells[2])).as(lines.get(r + 1)).isEqualTo(numbers[2 * r + 1]);
        }
    }
}
