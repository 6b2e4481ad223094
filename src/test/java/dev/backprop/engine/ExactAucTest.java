package dev.backprop.engine;

import java.util.Random;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.nd4j.evaluation.classification.ROC;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our exact ROC AUC (a rank statistic) is DL4J's exact AUC when scores do not tie; with ties it counts a tied
 * (positive, negative) pair as half, as scikit-learn does, where DL4J's answer depends on the order of the rows.
 */
class ExactAucTest {

    @Test
    void equalsDl4jExactAucWithoutTies() {
        float[][] data = data(3_000, false);
        INDArray actual = Nd4j.create(data[0], new long[] {data[0].length, 1});
        INDArray predicted = Nd4j.create(data[1], new long[] {data[1].length, 1});
        ROC dl4j = new ROC(0);
        dl4j.eval(actual, predicted);

        assertThat(BinaryMetrics.exactAuc(actual, predicted)).isCloseTo(dl4j.calculateAUC(), Offset.offset(1e-9))
                .isBetween(0.6, 0.95);
    }

    @Test
    void countsTiedPairsAsHalfWithTies() {
        float[][] data = data(2_000, true);
        double correct = 0;
        long pairs = 0;
        for (int i = 0; i < data[0].length; i++) {
            for (int j = 0; j < data[0].length; j++) {
                if (data[0][i] == 1f && data[0][j] == 0f) {
                    pairs++;
                    correct += data[1][i] > data[1][j] ? 1 : data[1][i] == data[1][j] ? 0.5 : 0;
                }
            }
        }

        double auc = BinaryMetrics.exactAuc(Nd4j.create(data[0], new long[] {data[0].length, 1}),
                Nd4j.create(data[1], new long[] {data[1].length, 1}));

        assertThat(auc).isCloseTo(correct / pairs, Offset.offset(1e-12));
    }

    private static float[][] data(int n, boolean ties) {
        Random random = new Random(7);
        float[] labels = new float[n];
        float[] scores = new float[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextDouble() < 0.4 ? 1f : 0f;
            double score = 1 / (1 + Math.exp(-((labels[i] - 0.5) * 1.5 + random.nextGaussian())));
            scores[i] = ties ? (float) (Math.round(score * 20) / 20.0) : (float) score;
        }
        return new float[][] {labels, scores};
    }
}
