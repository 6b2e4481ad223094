package dev.backprop.prediction;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.backprop.preprocessing.TargetEncoder;
import dev.backprop.preprocessing.Task;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The columns a CSV answer is printed from say, row by row, exactly what the JSON answer's rows say. */
class TablePredictionsTest {

    @Test
    void everyKindOfTargetGivesTheLabelsAndNumbersOfTheRowPredictions() {
        assertSameAsRows(new TargetEncoder("y", Task.BINARY, List.of("no", "yes"), "yes", 1), 1, 0.5,
                List.of("prediction", "probability_no", "probability_yes"));
        assertSameAsRows(new TargetEncoder("y", Task.BINARY, List.of("yes", "no"), "yes", 2), 2, 0.3,
                List.of("prediction", "probability_yes", "probability_no"));
        assertSameAsRows(new TargetEncoder("y", Task.BINARY, List.of("-", "+"), "+", 1, true), 1, 0.0,
                List.of("prediction", "score"));
        assertSameAsRows(new TargetEncoder("y", Task.MULTICLASS, List.of("a", "b", "c"), null, 3), 3, 0.5,
                List.of("prediction", "probability_a", "probability_b", "probability_c"));
        assertSameAsRows(new TargetEncoder("y", Task.REGRESSION, null, null, 1), 1, 0.5, List.of("prediction"));
        assertSameAsRows(TargetEncoder.multiple(List.of("p", "q"), Task.MULTILABEL), 2, 0.4,
                List.of("prediction", "probability_p", "probability_q"));
        assertSameAsRows(TargetEncoder.multiple(List.of("u", "v"), Task.REGRESSION), 2, 0.5,
                List.of("prediction_u", "prediction_v"));
    }

    private static void assertSameAsRows(TargetEncoder target, int units, double threshold, List<String> columns) {
        Random random = new Random(units);
        float[][] outputs = new float[200][units];
        for (float[] output : outputs) {
            for (int u = 0; u < units; u++) {
                output[u] = target.signedScores() ? (float) random.nextGaussian() : random.nextFloat();
            }
        }
        TablePredictions table = TablePredictions.of(target, outputs, threshold);

        assertThat(table.columns()).as(target.toString()).isEqualTo(columns);
        for (int r = 0; r < outputs.length; r++) {
            RowPrediction row = RowPrediction.of(outputs[r], target, threshold, List.of());
            assertThat(table.labels() == null ? null : table.labels()[r]).as(target + " row " + r).isEqualTo(row.prediction());
            List<Double> numbers = new ArrayList<>();
            for (int n = 0; n < table.numbersPerRow(); n++) {
                numbers.add(table.number(r, n));
            }
            assertThat(numbers).as(target + " row " + r).isEqualTo(rowNumbers(row, target));
        }
    }

    /** The numbers of a row in the order the CSV prints them. */
    private static List<Double> rowNumbers(RowPrediction row, TargetEncoder target) {
        if (row.values() != null) {
            return target.columns().stream().map(row.values()::get).toList();
        }
        if (row.score() != null) {
            return List.of(row.score());
        }
        if (row.value() != null) {
            return List.of(row.value());
        }
        return (target.columns() != null ? target.columns() : target.labels()).stream().map(row.probabilities()::get).toList();
    }
}
