package dev.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import dev.backprop.evaluation.Metrics;
import dev.backprop.preprocessing.TargetEncoder;
import dev.backprop.preprocessing.Task;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    private static final double TOLERANCE = 1e-6;

    private final Evaluator evaluator = new Evaluator();

    // Eight rows, no tied scores. Positives score 0.9 0.8 0.6 0.4 0.3, negatives 0.7 0.2 0.1.
    private static final int[] BINARY_LABELS = {1, 1, 0, 1, 1, 1, 0, 0};
    private static final float[] BINARY_SCORES = {0.9f, 0.8f, 0.7f, 0.6f, 0.4f, 0.3f, 0.2f, 0.1f};

    private static float[][] column(float... values) {
        float[][] rows = new float[values.length][];
        for (int i = 0; i < values.length; i++) {
            rows[i] = new float[] {values[i]};
        }
        return rows;
    }

    private static float[][] labelColumn(int... labels) {
        float[][] rows = new float[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            rows[i] = new float[] {labels[i]};
        }
        return rows;
    }

    /** Fraction of (positive, negative) pairs in which the positive scores higher. */
    private static double pairwiseAuc(int[] labels, float[] scores) {
        long pairs = 0;
        long correct = 0;
        for (int i = 0; i < labels.length; i++) {
            for (int j = 0; j < labels.length; j++) {
                if (labels[i] == 1 && labels[j] == 0) {
                    pairs++;
                    if (scores[i] > scores[j]) {
                        correct++;
                    }
                }
            }
        }
        return (double) correct / pairs;
    }

    /** −mean log p(true class) for a single probability of the positive class. */
    private static double binaryLogLoss(int[] labels, float[] scores) {
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            double p = scores[i];
            sum -= Math.log(labels[i] == 1 ? p : 1 - p);
        }
        return sum / labels.length;
    }

    @Test
    void binaryMetricsWithOneSigmoidUnitMatchHandComputation() {
        TargetEncoder target = new TargetEncoder("y", Task.BINARY, List.of("0", "1"), "1", 1);
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        for (int i = 0; i < BINARY_LABELS.length; i++) {
            boolean predicted = BINARY_SCORES[i] >= 0.5f;
            boolean actual = BINARY_LABELS[i] == 1;
            if (predicted && actual) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (actual) {
                fn++;
            } else {
                tn++;
            }
        }
        double precision = (double) tp / (tp + fp);
        double recall = (double) tp / (tp + fn);

        Metrics metrics = evaluator.metrics(column(BINARY_SCORES), labelColumn(BINARY_LABELS), target);

        assertThat(metrics.rows()).isEqualTo(8);
        assertThat(metrics.accuracy()).isCloseTo((double) (tp + tn) / 8, within(TOLERANCE));
        assertThat(metrics.precision()).isCloseTo(precision, within(TOLERANCE));
        assertThat(metrics.recall()).isCloseTo(recall, within(TOLERANCE));
        assertThat(metrics.f1()).isCloseTo(2 * precision * recall / (precision + recall), within(TOLERANCE));
        assertThat(metrics.rocAuc()).isCloseTo(pairwiseAuc(BINARY_LABELS, BINARY_SCORES), within(TOLERANCE));
        assertThat(metrics.logLoss()).isCloseTo(binaryLogLoss(BINARY_LABELS, BINARY_SCORES), within(TOLERANCE));
        // The same numbers written out: TP 3, FP 1, FN 2, TN 2; 12 of 15 pairs ranked correctly.
        assertThat(metrics.accuracy()).isCloseTo(5.0 / 8, within(TOLERANCE));
        assertThat(metrics.precision()).isCloseTo(3.0 / 4, within(TOLERANCE));
        assertThat(metrics.recall()).isCloseTo(3.0 / 5, within(TOLERANCE));
        assertThat(metrics.f1()).isCloseTo(2.0 / 3, within(TOLERANCE));
        assertThat(metrics.rocAuc()).isCloseTo(12.0 / 15, within(TOLERANCE));
        assertThat(metrics.mse()).isNull();
    }

    @Test
    void binaryConfusionMatrixIsIndexedActualThenPredictedInLabelOrder() {
        TargetEncoder target = new TargetEncoder("y", Task.BINARY, List.of("0", "1"), "1", 1);

        Metrics metrics = evaluator.metrics(column(BINARY_SCORES), labelColumn(BINARY_LABELS), target);

        assertThat(metrics.confusionMatrix().labels()).containsExactly("0", "1");
        assertThat(metrics.confusionMatrix().counts()).isDeepEqualTo(new long[][] {{2, 1}, {2, 3}});
    }

    @Test
    void binaryMetricsDoNotDependOnWhetherThePositiveLabelComesFirst() {
        // Same data, but the positive class is the first label: encoded targets are still 1 for positive.
        TargetEncoder target = new TargetEncoder("y", Task.BINARY, List.of("yes", "no"), "yes", 1);

        Metrics metrics = evaluator.metrics(column(BINARY_SCORES), labelColumn(BINARY_LABELS), target);

        assertThat(metrics.accuracy()).isCloseTo(5.0 / 8, within(TOLERANCE));
        assertThat(metrics.precision()).isCloseTo(3.0 / 4, within(TOLERANCE));
        assertThat(metrics.recall()).isCloseTo(3.0 / 5, within(TOLERANCE));
        assertThat(metrics.rocAuc()).isCloseTo(12.0 / 15, within(TOLERANCE));
        assertThat(metrics.logLoss()).isCloseTo(binaryLogLoss(BINARY_LABELS, BINARY_SCORES), within(TOLERANCE));
        assertThat(metrics.confusionMatrix().counts()).isDeepEqualTo(new long[][] {{3, 2}, {1, 2}});
    }

    @Test
    void binaryMetricsWithTwoSoftmaxUnitsMatchTheSingleUnitOnes() {
        TargetEncoder target = new TargetEncoder("y", Task.BINARY, List.of("0", "1"), "1", 2);
        float[][] outputs = new float[8][];
        float[][] expected = new float[8][];
        for (int i = 0; i < 8; i++) {
            outputs[i] = new float[] {1f - BINARY_SCORES[i], BINARY_SCORES[i]};
            expected[i] = BINARY_LABELS[i] == 1 ? new float[] {0f, 1f} : new float[] {1f, 0f};
        }

        Metrics metrics = evaluator.metrics(outputs, expected, target);

        assertThat(metrics.accuracy()).isCloseTo(5.0 / 8, within(TOLERANCE));
        assertThat(metrics.precision()).isCloseTo(3.0 / 4, within(TOLERANCE));
        assertThat(metrics.recall()).isCloseTo(3.0 / 5, within(TOLERANCE));
        assertThat(metrics.rocAuc()).isCloseTo(12.0 / 15, within(TOLERANCE));
        assertThat(metrics.logLoss()).isCloseTo(binaryLogLoss(BINARY_LABELS, BINARY_SCORES), within(TOLERANCE));
    }

    @Test
    void logLossIsClippedSoACertainWrongAnswerStaysFinite() {
        TargetEncoder target = new TargetEncoder("y", Task.BINARY, List.of("0", "1"), "1", 1);

        Metrics metrics = evaluator.metrics(column(0f, 1f), labelColumn(1, 1), target);

        // −(log 1e-15 + log(1 − 1e-15)) / 2
        assertThat(metrics.logLoss()).isFinite().isCloseTo(-Math.log(1e-15) / 2, within(1e-6));
    }

    @Test
    void multiclassAccuracyAndConfusionMatrixMatchHandComputation() {
        TargetEncoder target = new TargetEncoder("c", Task.MULTICLASS, List.of("a", "b", "c"), null, 3);
        float[][] outputs = {
                {0.7f, 0.2f, 0.1f},   // a → a
                {0.3f, 0.6f, 0.1f},   // a → b
                {0.1f, 0.8f, 0.1f},   // b → b
                {0.2f, 0.3f, 0.5f},   // b → c
                {0.1f, 0.1f, 0.8f},   // c → c
                {0.5f, 0.25f, 0.25f}, // c → a
                {0.2f, 0.2f, 0.6f},   // c → c
        };
        int[] actual = {0, 0, 1, 1, 2, 2, 2};
        float[][] expected = new float[actual.length][3];
        long[][] counts = new long[3][3];
        double logLoss = 0;
        for (int i = 0; i < actual.length; i++) {
            expected[i][actual[i]] = 1f;
            int predicted = 0;
            for (int c = 1; c < 3; c++) {
                if (outputs[i][c] > outputs[i][predicted]) {
                    predicted = c;
                }
            }
            counts[actual[i]][predicted]++;
            logLoss -= Math.log(outputs[i][actual[i]]);
        }

        Metrics metrics = evaluator.metrics(outputs, expected, target);

        assertThat(metrics.rows()).isEqualTo(7);
        assertThat(metrics.accuracy()).isCloseTo(4.0 / 7, within(TOLERANCE));
        assertThat(metrics.confusionMatrix().labels()).containsExactly("a", "b", "c");
        assertThat(metrics.confusionMatrix().counts()).isDeepEqualTo(counts);
        assertThat(metrics.confusionMatrix().counts()).isDeepEqualTo(new long[][] {{1, 1, 0}, {0, 1, 1}, {1, 0, 2}});
        assertThat(metrics.logLoss()).isCloseTo(logLoss / actual.length, within(TOLERANCE));
        // Per class precision 1/2, 1/2, 2/3 and recall 1/2, 1/2, 2/3, macro-averaged.
        assertThat(metrics.precision()).isCloseTo((0.5 + 0.5 + 2.0 / 3) / 3, within(TOLERANCE));
        assertThat(metrics.recall()).isCloseTo((0.5 + 0.5 + 2.0 / 3) / 3, within(TOLERANCE));
        assertThat(metrics.rocAuc()).isBetween(0.0, 1.0);
    }

    @Test
    void regressionMetricsMatchHandComputation() {
        TargetEncoder target = new TargetEncoder("y", Task.REGRESSION, null, null, 1);
        float[] actual = {3f, -0.5f, 2f, 7f};
        float[] predicted = {2.5f, 0f, 2f, 8f};
        double mean = 0;
        for (float a : actual) {
            mean += a;
        }
        mean /= actual.length;
        double ssRes = 0;
        double ssTot = 0;
        double absolute = 0;
        for (int i = 0; i < actual.length; i++) {
            ssRes += Math.pow(actual[i] - predicted[i], 2);
            ssTot += Math.pow(actual[i] - mean, 2);
            absolute += Math.abs(actual[i] - predicted[i]);
        }
        double mse = ssRes / actual.length;

        Metrics metrics = evaluator.metrics(column(predicted), column(actual), target);

        assertThat(metrics.rows()).isEqualTo(4);
        assertThat(metrics.mse()).isCloseTo(mse, within(TOLERANCE));
        assertThat(metrics.rmse()).isCloseTo(Math.sqrt(mse), within(TOLERANCE));
        assertThat(metrics.mae()).isCloseTo(absolute / actual.length, within(TOLERANCE));
        assertThat(metrics.r2()).isCloseTo(1 - ssRes / ssTot, within(TOLERANCE));
        // Written out: errors 0.5 0.5 0 1; SStot 29.1875.
        assertThat(metrics.mse()).isCloseTo(0.375, within(TOLERANCE));
        assertThat(metrics.mae()).isCloseTo(0.5, within(TOLERANCE));
        assertThat(metrics.r2()).isCloseTo(1 - 1.5 / 29.1875, within(TOLERANCE));
        assertThat(metrics.accuracy()).isNull();
        assertThat(metrics.confusionMatrix()).isNull();
    }

    @Test
    void perfectRegressionHasZeroErrorAndRSquaredOne() {
        TargetEncoder target = new TargetEncoder("y", Task.REGRESSION, null, null, 1);

        Metrics metrics = evaluator.metrics(column(1f, 2f, 4f), column(1f, 2f, 4f), target);

        assertThat(metrics.mse()).isCloseTo(0.0, within(TOLERANCE));
        assertThat(metrics.mae()).isCloseTo(0.0, within(TOLERANCE));
        assertThat(metrics.r2()).isCloseTo(1.0, within(TOLERANCE));
    }
}
