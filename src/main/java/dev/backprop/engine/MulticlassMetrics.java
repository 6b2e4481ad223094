package dev.backprop.engine;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.backprop.evaluation.ClassMetrics;
import dev.backprop.evaluation.ConfusionMatrix;
import dev.backprop.evaluation.Metrics;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Multiclass metrics from DL4J's Evaluation: per class precision, recall and F1 with support; their macro averages
 * (every class counts once, a 0/0 counts as 0 as in scikit-learn — DL4J's own macro average leaves out classes
 * never predicted, which flatters precision and F1) and support-weighted averages; one-vs-rest ROC AUC averaged.
 */
final class MulticlassMetrics {

    private MulticlassMetrics() {
    }

    static Metrics of(Evaluation evaluation, INDArray labels, INDArray probabilities, Double logLoss, ConfusionMatrix confusion) {
        int k = confusion.labels().size();
        // One-vs-rest exact AUC averaged over classes, as ROCMultiClass.calculateAverageAUC, with each class's
        // columns pre-sorted so DL4J's sort is one pass (see BinaryMetrics).
        double auc = 0;
        for (int c = 0; c < labels.columns(); c++) {
            auc += BinaryMetrics.exactAuc(labels.getColumn(c, true), probabilities.getColumn(c, true));
        }
        auc /= labels.columns();
        long rows = labels.rows();
        Map<String, ClassMetrics> perClass = new LinkedHashMap<>();
        double[] macro = new double[3];
        double[] weighted = new double[3];
        for (int c = 0; c < k; c++) {
            long support = 0;
            for (long count : confusion.counts()[c]) {
                support += count;
            }
            ClassMetrics metrics = new ClassMetrics(evaluation.precision(c, 0.0), evaluation.recall(c, 0.0),
                    evaluation.fBeta(1.0, c, 0.0), support);
            perClass.put(confusion.labels().get(c), metrics);
            double[] values = {metrics.precision(), metrics.recall(), metrics.f1()};
            for (int m = 0; m < 3; m++) {
                macro[m] += values[m] / k;
                weighted[m] += values[m] * support / rows;
            }
        }
        return new Metrics(rows, evaluation.accuracy(), macro[0], macro[1], macro[2], Double.isFinite(auc) ? auc : null,
                logLoss, confusion, null, null, null, null, null, null, null, null, null, null, perClass,
                weighted[0], weighted[1], weighted[2], null);
    }
}
