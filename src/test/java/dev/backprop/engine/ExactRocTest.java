package dev.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.evaluation.classification.ROC;
import org.nd4j.evaluation.curves.RocCurve;
import org.nd4j.linalg.factory.Nd4j;

class ExactRocTest {

    /** Scores rounded to {@code levels} values (many ties), positives scoring higher on average; sorted descending. */
    private static float[][] sortedScores(int rows, int levels, long seed) {
        Random random = new Random(seed);
        float[][] pairs = new float[rows][2];
        for (float[] pair : pairs) {
            pair[1] = random.nextDouble() < 0.4 ? 1 : 0;
            double score = Math.min(1, Math.max(0, 0.35 + 0.25 * pair[1] + random.nextGaussian() * 0.2));
            pair[0] = (float) (Math.round(score * levels) / (double) levels);
        }
        // Stable, so ties keep input order, as both implementations expect.
        java.util.Arrays.sort(pairs, (a, b) -> Float.compare(b[0], a[0]));
        float[] p = new float[rows];
        float[] a = new float[rows];
        for (int i = 0; i < rows; i++) {
            p[i] = pairs[i][0];
            a[i] = pairs[i][1];
        }
        return new float[][] {p, a};
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 50, 100_000})
    void matchesDl4jsExactRoc(int levels) {
        float[][] scores = sortedScores(3_000, levels, levels);
        ROC dl4j = new ROC(0);
        dl4j.eval(Nd4j.create(scores[1], new long[] {3_000, 1}), Nd4j.create(scores[0], new long[] {3_000, 1}));
        ExactRoc ours = new ExactRoc(scores[0], scores[1]);

        // DL4J accumulates in float, this in double: equal to float precision.
        assertThat(ours.auc).isCloseTo(dl4j.calculateAUC(), within(1e-5));
        assertThat(ours.prAuc).isCloseTo(dl4j.calculateAUCPR(), within(1e-5));
        RocCurve curve = dl4j.getRocCurve();
        assertThat(ours.points()).isEqualTo(curve.numPoints());
        for (int i = 0; i < ours.points(); i++) {
            assertThat(ours.thresholds[i]).isCloseTo(curve.getThreshold(i), within(1e-6));
            assertThat(ours.falsePositiveRates[i]).isCloseTo(curve.getFalsePositiveRate(i), within(1e-5));
            assertThat(ours.truePositiveRates[i]).isCloseTo(curve.getTruePositiveRate(i), within(1e-5));
        }
    }

    @Test
    void perfectAndReversedRankings() {
        float[] p = {0.9f, 0.8f, 0.3f, 0.1f};
        assertThat(new ExactRoc(p, new float[] {1, 1, 0, 0}).auc).isEqualTo(1.0);
        assertThat(new ExactRoc(p, new float[] {1, 1, 0, 0}).prAuc).isEqualTo(1.0);
        assertThat(new ExactRoc(p, new float[] {0, 0, 1, 1}).auc).isEqualTo(0.0);
    }

    @Test
    void aMissingClassGivesNoArea() {
        assertThat(new ExactRoc(new float[] {0.7f, 0.2f}, new float[] {1, 1}).auc).isNaN();
    }
}
