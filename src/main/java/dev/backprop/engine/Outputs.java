package dev.backprop.engine;

/**
 * Reading classes out of network outputs: one sigmoid column means class 1 at probability ≥ 0.5, several
 * columns mean the largest one.
 */
final class Outputs {

    private Outputs() {
    }

    static int classOf(float[] row) {
        if (row.length == 1) {
            return row[0] >= 0.5f ? 1 : 0;
        }
        int best = 0;
        for (int c = 1; c < row.length; c++) {
            if (row[c] > row[best]) {
                best = c;
            }
        }
        return best;
    }

    static double accuracy(float[][] outputs, float[][] labels) {
        long correct = 0;
        for (int i = 0; i < outputs.length; i++) {
            if (classOf(outputs[i]) == classOf(labels[i])) {
                correct++;
            }
        }
        return outputs.length == 0 ? Double.NaN : (double) correct / outputs.length;
    }
}
