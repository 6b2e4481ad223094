package dev.backprop.engine;

import java.util.Random;

import dev.backprop.model.NetworkDesign;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;
import org.springframework.stereotype.Component;

/**
 * The logistic-regression baseline a classifier is compared with: one sigmoid unit (binary) or a softmax layer
 * (multiclass) with cross-entropy, Adam 0.01 in seeded batches of 32, trained in plain Java.
 *
 * <p>Plain Java because the model is a single matrix: DL4J's per-operation overhead made the baseline cost about a
 * tenth of a small network's job, while this loop costs milliseconds, so every baseline (a training job's and a
 * cross-validation fold's) can get the same generous number of epochs. The weights are then put into a DL4J network
 * of the baseline's design, so the baseline is evaluated and stored like any other network.
 */
@Component
public class LogisticBaseline {

    /** Steps aimed for; a convex model comes close to its optimum in this many. */
    static final int TARGET_STEPS = 3_000;
    /** Multiply-adds allowed for the whole baseline (about a tenth of a second): wide inputs get fewer epochs. */
    static final long MAX_MULTIPLY_ADDS = 150_000_000L;
    private static final int BATCH = 32;
    private static final double LEARNING_RATE = 0.01;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    /** The trained baseline and the epochs it was given. */
    public record Outcome(TrainedNetwork network, int epochs) {
    }

    /** Epochs for {@code rows} training rows: {@link #TARGET_STEPS} steps, 5 to 100 epochs, within the work cap. */
    static int epochs(int rows, int inputs, int outputs) {
        int stepsPerEpoch = Math.max(1, (rows + BATCH - 1) / BATCH);
        int epochs = Math.max(5, Math.min(100, TARGET_STEPS / stepsPerEpoch));
        long perEpoch = 2L * Math.max(1, rows) * inputs * outputs;
        return (int) Math.max(1, Math.min(epochs, MAX_MULTIPLY_ADDS / perEpoch));
    }

    public Outcome train(NetworkDesign design, TrainingData data) {
        float[][] x = data.trainX();
        float[][] y = data.trainY();
        int inputs = design.inputs();
        int outputs = design.outputs();
        int epochs = epochs(x.length, inputs, outputs);
        boolean softmax = outputs > 1;
        // Row-major [input][output], DL4J's logical layout of a dense layer's W.
        double[] weights = new double[inputs * outputs];
        double[] bias = new double[outputs];
        Adam adam = new Adam(weights.length + bias.length);
        double[] gradW = new double[weights.length];
        double[] gradB = new double[outputs];
        double[] out = new double[outputs];
        double[] delta = new double[outputs];
        Random shuffle = new Random(design.seed());
        int[] order = new int[x.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int epoch = 0; epoch < epochs; epoch++) {
            shuffle(order, shuffle);
            for (int from = 0; from < order.length; from += BATCH) {
                int to = Math.min(order.length, from + BATCH);
                java.util.Arrays.fill(gradW, 0);
                java.util.Arrays.fill(gradB, 0);
                for (int i = from; i < to; i++) {
                    float[] row = x[order[i]];
                    forward(row, weights, bias, out, softmax);
                    float[] expected = y[order[i]];
                    for (int o = 0; o < outputs; o++) {
                        // d(cross-entropy)/d(pre-activation) is (p - y) for sigmoid and for softmax alike.
                        delta[o] = out[o] - expected[o];
                        gradB[o] += delta[o];
                    }
                    for (int in = 0; in < inputs; in++) {
                        double value = row[in];
                        // Zero inputs (most pixels of an image, most one-hot columns) add nothing.
                        if (value == 0) {
                            continue;
                        }
                        int base = in * outputs;
                        for (int o = 0; o < outputs; o++) {
                            gradW[base + o] += delta[o] * value;
                        }
                    }
                }
                adam.step(weights, bias, gradW, gradB, to - from);
            }
        }
        return new Outcome(new TrainedNetwork(network(design, epochs, weights, bias)), epochs);
    }

    private static void forward(float[] row, double[] weights, double[] bias, double[] out, boolean softmax) {
        int outputs = out.length;
        for (int o = 0; o < outputs; o++) {
            out[o] = bias[o];
        }
        for (int in = 0; in < row.length; in++) {
            double value = row[in];
            if (value == 0) {
                continue;
            }
            int base = in * outputs;
            for (int o = 0; o < outputs; o++) {
                out[o] += value * weights[base + o];
            }
        }
        if (!softmax) {
            out[0] = 1 / (1 + Math.exp(-out[0]));
            return;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double z : out) {
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int o = 0; o < outputs; o++) {
            out[o] = Math.exp(out[o] - max);
            sum += out[o];
        }
        for (int o = 0; o < outputs; o++) {
            out[o] /= sum;
        }
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    private static MultiLayerNetwork network(NetworkDesign design, int epochs, double[] weights, double[] bias) {
        int inputs = design.inputs();
        int outputs = design.outputs();
        MultiLayerNetwork network = NetworkFactory.build(design.logisticBaseline(epochs, BATCH));
        float[][] w = new float[inputs][outputs];
        for (int in = 0; in < inputs; in++) {
            for (int o = 0; o < outputs; o++) {
                w[in][o] = (float) weights[in * outputs + o];
            }
        }
        float[][] b = new float[1][outputs];
        for (int o = 0; o < outputs; o++) {
            b[0][o] = (float) bias[o];
        }
        network.getLayer(0).setParam("W", Nd4j.create(w));
        network.getLayer(0).setParam("b", Nd4j.create(b));
        return network;
    }

    /** Adam over the weights then the bias, on the batch's mean gradient. */
    private static final class Adam {

        private final double[] m;
        private final double[] v;
        private int step;

        Adam(int parameters) {
            m = new double[parameters];
            v = new double[parameters];
        }

        void step(double[] weights, double[] bias, double[] gradW, double[] gradB, int batchRows) {
            step++;
            double correction1 = 1 - Math.pow(BETA1, step);
            double correction2 = 1 - Math.pow(BETA2, step);
            update(weights, gradW, 0, batchRows, correction1, correction2);
            update(bias, gradB, weights.length, batchRows, correction1, correction2);
        }

        private void update(double[] params, double[] grads, int offset, int batchRows, double correction1,
                double correction2) {
            for (int i = 0; i < params.length; i++) {
                double g = grads[i] / batchRows;
                int k = offset + i;
                m[k] = BETA1 * m[k] + (1 - BETA1) * g;
                v[k] = BETA2 * v[k] + (1 - BETA2) * g * g;
                params[i] -= LEARNING_RATE * (m[k] / correction1) / (Math.sqrt(v[k] / correction2) + EPSILON);
            }
        }
    }
}
