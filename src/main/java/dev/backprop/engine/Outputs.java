package dev.backprop.engine;

/**
 * Reading classes out of network outputs: one sigmoid column means class 1 at probability ≥ 0.5, several
 * columns mean the largest one.
 */
final class Outputs {

    private Outputs() {
    }

    static int classOf(float[] row) {
        return classOf(row, 0.5f);
    }

    /** {@code threshold} decides a single column: 0.5 for probabilities, 0 for −1/+1 scores. */
    static int classOf(float[] row, float threshold) {
        if (row.length == 1) {
            return row[0] >= threshold ? 1 : 0;
        }
        int best = 0;
        for (int c = 1; c < row.length; c++) {
            if (row[c] > row[best]) {
                best = c;
            }
        }
        return best;
    }

    /** Multi-label: the share of (row, label) decisions at probability 0.5 that are right. */
    static double labelAccuracy(float[][] outputs, float[][] labels) {
        long correct = 0;
        long total = 0;
        for (int i = 0; i < outputs.length; i++) {
            for (int c = 0; c < outputs[i].length; c++) {
                correct += (outputs[i][c] >= 0.5f) == (labels[i][c] >= 0.5f) ? 1 : 0;
                total++;
            }
        }
        return total == 0 ? Double.NaN : (double) correct / total;
    }

    static double accuracy(float[][] outputs, float[][] labels) {
        return accuracy(outputs, labels, 0.5f);
    }

    static double accuracy(float[][] outputs, float[][] labels, float threshold) {
        long correct = 0;
        for (int i = 0; i < outputs.length; i++) {
            if (classOf(outputs[i], threshold) == classOf(labels[i], threshold)) {
                correct++;
            }
        }
        return outputs.length == 0 ? Double.NaN : (double) correct / outputs.length;
    }
}
