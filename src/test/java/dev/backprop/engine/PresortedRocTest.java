package dev.backprop.engine;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nd4j.evaluation.classification.ROC;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;

/** Pre-sorting the rows for DL4J's exact ROC changes its speed, not its answer, ties included. */
class PresortedRocTest {

    @Test
    void aucFromPresortedRowsEqualsDl4jOnTheRowsAsGiven() {
        Random random = new Random(7);
        int n = 3_000;
        float[] labels = new float[n];
        float[] probabilities = new float[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextDouble() < 0.4 ? 1f : 0f;
            // Rounded to two decimals: many ties, which is where an order could matter.
            double score = 0.5 + (labels[i] - 0.5) * 0.3 + random.nextGaussian() * 0.25;
            probabilities[i] = (float) (Math.round(Math.min(1, Math.max(0, score)) * 100) / 100.0);
        }
        INDArray actual = Nd4j.create(labels, new long[] {n, 1});
        INDArray predicted = Nd4j.create(probabilities, new long[] {n, 1});
        ROC asGiven = new ROC(0);
        asGiven.eval(actual, predicted);

        double auc = BinaryMetrics.exactAuc(actual, predicted);

        assertThat(auc).isEqualTo(asGiven.calculateAUC());
        assertThat(auc).isBetween(0.6, 0.95);
    }
}
