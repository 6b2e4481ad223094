package dev.backprop.engine;

import java.util.List;

import dev.backprop.evaluation.EvaluatedVersion;
import dev.backprop.evaluation.Metrics;
import dev.backprop.evaluation.RocPoint;
import dev.backprop.preprocessing.Task;
import dev.backprop.preprocessing.TargetEncoder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The detailed metrics against values computed independently with scikit-learn 1.2.1 and numpy on the same small
 * examples (specificity, PR AUC, Brier score, ROC curve, Youden threshold, weighted averages, residual quartiles).
 */
class DetailedMetricsTest {

    private final Evaluator evaluator = new Evaluator();

    @Test
    void binaryMetricsMatchScikitLearn() {
        float[] scores = {0.9f, 0.8f, 0.7f, 0.6f, 0.4f, 0.3f, 0.2f, 0.1f};
        int[] labels = {1, 1, 0, 1, 1, 1, 0, 0};
        float[][] outputs = new float[8][];
        float[][] expected = new float[8][];
        for (int i = 0; i < 8; i++) {
            outputs[i] = new float[] {scores[i]};
            expected[i] = new float[] {labels[i]};
        }

        Metrics metrics = evaluator.metrics(outputs, expected, new TargetEncoder("y", Task.BINARY, List.of("0", "1"), "1", 1));

        // sklearn: recall at 0.5 on the negatives (tn / (tn + fp)) = 2 / 3
        assertThat(metrics.specificity()).isCloseTo(2.0 / 3, within(1e-9));
        // sklearn: brier_score_loss(y, s) = 0.2
        assertThat(metrics.brierScore()).isCloseTo(0.2, within(1e-6));
        // sklearn: auc(recall, precision) from precision_recall_curve = 0.86; average_precision = 0.877
        assertThat(metrics.prAuc()).isBetween(0.85, 0.88);
        // sklearn: roc_curve, argmax(tpr - fpr) at threshold 0.3 (tpr 1.0, fpr 1/3)
        assertThat(metrics.bestThreshold()).isCloseTo(0.3, within(1e-6));
        assertThat(metrics.rocCurve()).anySatisfy(point -> {
            assertThat(point.falsePositiveRate()).isCloseTo(1.0 / 3, within(1e-9));
            assertThat(point.truePositiveRate()).isCloseTo(1.0, within(1e-9));
        });
        assertThat(metrics.rocCurve()).extracting(RocPoint::truePositiveRate).contains(0.0, 1.0);
    }

    @Test
    void multiclassPerClassAndWeightedAveragesMatchScikitLearn() {
        int[] actual = {0, 0, 1, 1, 2, 2, 2, 1};
        int[] predicted = {0, 1, 1, 1, 2, 0, 2, 2};
        float[][] outputs = new float[8][3];
        float[][] expected = new float[8][3];
        for (int i = 0; i < 8; i++) {
            outputs[i][predicted[i]] = 0.8f;
            outputs[i][(predicted[i] + 1) % 3] = 0.15f;
            outputs[i][(predicted[i] + 2) % 3] = 0.05f;
            expected[i][actual[i]] = 1f;
        }

        Metrics metrics = evaluator.metrics(outputs, expected, new TargetEncoder("y", Task.MULTICLASS, List.of("a", "b", "c"), null, 3));

        // sklearn: precision/recall/f1_score(average=None) = [0.5, 0.667, 0.667]; average='weighted' = 0.625 each
        assertThat(metrics.perClass().get("a").precision()).isCloseTo(0.5, within(1e-9));
        assertThat(metrics.perClass().get("b").recall()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(metrics.perClass().get("c").f1()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(metrics.perClass().get("c").support()).isEqualTo(3);
        assertThat(metrics.weightedPrecision()).isCloseTo(0.625, within(1e-9));
        assertThat(metrics.weightedRecall()).isCloseTo(0.625, within(1e-9));
        assertThat(metrics.weightedF1()).isCloseTo(0.625, within(1e-9));
    }

    @Test
    void regressionResidualsMatchNumpy() {
        float[][] expected = {{1}, {2}, {3}, {4}};
        float[][] outputs = {{1.5f}, {1.5f}, {3}, {5}};

        Metrics metrics = evaluator.metrics(outputs, expected, new TargetEncoder("y", Task.REGRESSION, null, null, 1));

        // numpy on residuals [-0.5, 0.5, 0, -1]: mean, std(ddof=1), min, quantile .25/.5/.75, max
        assertThat(metrics.residuals().mean()).isCloseTo(-0.25, within(1e-9));
        assertThat(metrics.residuals().std()).isCloseTo(0.6454972243679028, within(1e-9));
        assertThat(metrics.residuals().min()).isCloseTo(-1.0, within(1e-9));
        assertThat(metrics.residuals().q1()).isCloseTo(-0.625, within(1e-9));
        assertThat(metrics.residuals().median()).isCloseTo(-0.25, within(1e-9));
        assertThat(metrics.residuals().q3()).isCloseTo(0.125, within(1e-9));
        assertThat(metrics.residuals().max()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void aLargeGapBetweenTrainAndTestAccuracyIsFlaggedAsOverfitting() {
        Metrics train = Metrics.classification(100, 0.90, 0.9, 0.9, 0.9, 0.95, 0.2, null);
        Metrics test = Metrics.classification(30, 0.76, 0.7, 0.7, 0.7, 0.80, 0.5, null);

        EvaluatedVersion version = new EvaluatedVersion(train, test);

        assertThat(version.overfitting().flagged()).isTrue();
        assertThat(version.overfitting().message()).startsWith("train accuracy 0.90 vs test 0.76");
        assertThat(new EvaluatedVersion(train, Metrics.classification(30, 0.88, 0.9, 0.9, 0.9, 0.9, 0.2, null))
                .overfitting().flagged()).isFalse();
    }
}
