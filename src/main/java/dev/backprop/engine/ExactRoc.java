package dev.backprop.engine;

/**
 * The exact ROC and precision-recall curves of one 0/1 column, computed as DL4J's exact {@code ROC} computes them
 * (one point per row in descending probability order, redundant points dropped, trapezoidal areas), in plain Java.
 * DL4J's version moves every row through its own {@code putRow}: on the 75,000 training rows of the benchmark's
 * synthetic set that cost about two seconds per curve, more than the job's training epoch.
 */
final class ExactRoc {

    final double[] thresholds;
    final double[] falsePositiveRates;
    final double[] truePositiveRates;
    final double auc;
    final double prAuc;

    /** {@code probabilities} sorted descending (ties in input order), {@code actual} the 0/1 labels in the same order. */
    ExactRoc(float[] probabilities, float[] actual) {
        int n = probabilities.length;
        double positives = 0;
        for (float a : actual) {
            positives += a;
        }
        double negatives = n - positives;
        double[] t = new double[n + 2];
        double[] fpr = new double[n + 2];
        double[] tpr = new double[n + 2];
        double[] precision = new double[n + 2];
        double[] recall = new double[n + 2];
        t[0] = 1;
        precision[0] = 1;
        double truePositives = 0;
        for (int i = 1; i <= n; i++) {
            truePositives += actual[i - 1];
            t[i] = probabilities[i - 1];
            fpr[i] = (i - truePositives) / negatives;
            tpr[i] = truePositives / positives;
            precision[i] = truePositives / i;
            recall[i] = tpr[i];
        }
        fpr[n + 1] = 1;
        tpr[n + 1] = 1;
        precision[n + 1] = n == 0 ? Double.NaN : truePositives / n;
        recall[n + 1] = 1;
        double[][] roc = withoutRedundantPoints(t, fpr, tpr);
        this.thresholds = roc[0];
        this.falsePositiveRates = roc[1];
        this.truePositiveRates = roc[2];
        this.auc = area(falsePositiveRates, truePositiveRates);
        reverse(t);
        reverse(precision);
        reverse(recall);
        double[][] pr = withoutRedundantPoints(t, precision, recall);
        this.prAuc = area(pr[2], pr[1]);
    }

    int points() {
        return thresholds.length;
    }

    /** Drops a point whose x or y equals both its neighbours' (the first and last always stay): the area is the same. */
    private static double[][] withoutRedundantPoints(double[] t, double[] x, double[] y) {
        double[][] kept = new double[3][t.length];
        int count = 0;
        for (int i = 0; i < t.length; i++) {
            boolean keep = i == 0 || i == t.length - 1
                    || !(x[i - 1] == x[i] && x[i] == x[i + 1]) && !(y[i - 1] == y[i] && y[i] == y[i + 1]);
            if (keep) {
                kept[0][count] = t[i];
                kept[1][count] = x[i];
                kept[2][count] = y[i];
                count++;
            }
        }
        return new double[][] {java.util.Arrays.copyOf(kept[0], count), java.util.Arrays.copyOf(kept[1], count),
                java.util.Arrays.copyOf(kept[2], count)};
    }

    private static double area(double[] x, double[] y) {
        double area = 0;
        for (int i = 0; i < x.length - 1; i++) {
            area += Math.abs(x[i + 1] - x[i]) * (y[i + 1] + y[i]) / 2;
        }
        return area;
    }

    private static void reverse(double[] values) {
        for (int i = 0, j = values.length - 1; i < j; i++, j--) {
            double swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
