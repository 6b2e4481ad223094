package dev.backprop.engine;

import java.util.ArrayList;
import java.util.List;

import dev.backprop.evaluation.ConfusionMatrix;
import dev.backprop.evaluation.Metrics;
import dev.backprop.evaluation.RocPoint;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Binary metrics for the positive class from DL4J's Evaluation and the exact ROC ({@link ExactRoc}): precision, recall (sensitivity),
 * specificity, F1, ROC and PR AUC, the ROC curve (at most {@value #CURVE_POINTS} points) and the threshold with the
 * largest sensitivity + specificity (Youden's J), plus the Brier score (mean squared error of the probability).
 */
final class BinaryMetrics {

    static final int CURVE_POINTS = 201;

    private BinaryMetrics() {
    }

    static Metrics of(Evaluation evaluation, INDArray labels, INDArray probabilities, int positive, boolean probabilistic,
            Double logLoss, ConfusionMatrix confusion) {
        float[][] sorted = byDescendingProbability(labels.getColumn(positive, true), probabilities.getColumn(positive, true));
        float[] actual = sorted[0];
        float[] predicted = sorted[1];
        ExactRoc roc = new ExactRoc(predicted, actual);
        int negative = 1 - positive;
        long trueNegatives = confusion.counts()[negative][negative];
        long falsePositives = confusion.counts()[negative][positive];
        Double specificity = trueNegatives + falsePositives == 0 ? null : (double) trueNegatives / (trueNegatives + falsePositives);
        Double brier = null;
        if (probabilistic) {
            double squares = 0;
            for (int i = 0; i < actual.length; i++) {
                double error = predicted[i] - actual[i];
                squares += error * error;
            }
            brier = squares / actual.length;
        }
        return new Metrics(actual.length, evaluation.accuracy(), Evaluator.finite(evaluation.precision(positive, 0.0)),
                Evaluator.finite(evaluation.recall(positive, 0.0)), Evaluator.finite(evaluation.fBeta(1.0, positive, 0.0)),
                Double.isFinite(roc.auc) ? roc.auc : null, logLoss, confusion, null, null, null, null, null,
                specificity, Double.isFinite(roc.prAuc) ? roc.prAuc : null, brier, probabilistic ? youden(roc) : null,
                points(roc), null, null, null, null, null);
    }

    /**
     * The exact ROC AUC of one 0/1 column against its scores: the share of (positive, negative) pairs ranked
     * correctly, ties counting half — what DL4J's exact ROC computes (tested), without its per-row array copies.
     * NaN when a class is absent.
     */
    static double exactAuc(INDArray actual, INDArray predicted) {
        float[] p = predicted.toFloatVector();
        float[] a = actual.toFloatVector();
        int[] order = rowsBy(p, false);
        long positives = 0;
        double rankSum = 0;
        for (int start = 0; start < order.length; ) {
            int end = start;
            while (end < order.length && p[order[end]] == p[order[start]]) {
                end++;
            }
            double averageRank = (start + 1 + end) / 2.0;
            for (int i = start; i < end; i++) {
                if (a[order[i]] > 0.5f) {
                    positives++;
                    rankSum += averageRank;
                }
            }
            start = end;
        }
        long negatives = p.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Both columns, probability descending, ties in input order (as DL4J's exact ROC sorts them). */
    private static float[][] byDescendingProbability(INDArray actual, INDArray predicted) {
        float[] p = predicted.toFloatVector();
        float[] a = actual.toFloatVector();
        int[] order = rowsBy(p, true);
        float[] sortedP = new float[p.length];
        float[] sortedA = new float[a.length];
        for (int i = 0; i < order.length; i++) {
            sortedP[i] = p[order[i]];
            sortedA[i] = a[order[i]];
        }
        return new float[][] {sortedA, sortedP};
    }

    /**
     * Row numbers ordered by their score in {@link Float#compare}'s order (ties keep row order, as a stable sort).
     * Each row is one long, score bits above the row number, sorted as primitives: boxed row numbers with a comparator
     * cost as much as the forward pass when evaluating 100,000 rows.
     */
    static int[] rowsBy(float[] scores, boolean descending) {
        long[] keys = new long[scores.length];
        for (int i = 0; i < keys.length; i++) {
            int bits = Float.floatToIntBits(scores[i]);
            // Flipping a negative float's magnitude bits makes the ints order as Float.compare orders the floats.
            int ordered = bits ^ ((bits >> 31) & 0x7fffffff);
            keys[i] = ((long) (descending ? ~ordered : ordered) << 32) | i;
        }
        java.util.Arrays.sort(keys);
        int[] order = new int[keys.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = (int) keys[i];
        }
        return order;
    }

    /** The threshold where sensitivity + specificity − 1 (true minus false positive rate) is largest. */
    private static Double youden(ExactRoc curve) {
        int best = -1;
        double bestJ = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < curve.points(); i++) {
            double j = curve.truePositiveRates[i] - curve.falsePositiveRates[i];
            if (j > bestJ && curve.thresholds[i] <= 1.0) {
                bestJ = j;
                best = i;
            }
        }
        return best < 0 ? null : curve.thresholds[best];
    }

    private static List<RocPoint> points(ExactRoc curve) {
        int n = curve.points();
        int step = Math.max(1, (int) Math.ceil((double) n / CURVE_POINTS));
        List<RocPoint> points = new ArrayList<>();
        for (int i = 0; i < n; i += step) {
            points.add(new RocPoint(curve.thresholds[i], curve.falsePositiveRates[i], curve.truePositiveRates[i]));
        }
        if ((n - 1) % step != 0) {
            points.add(new RocPoint(curve.thresholds[n - 1], curve.falsePositiveRates[n - 1], curve.truePositiveRates[n - 1]));
        }
        return points;
    }
}
