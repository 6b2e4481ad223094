package dev.backprop.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;

/**
 * A plain JVM forward pass for dense networks (dense and dropout layers; identity, relu, sigmoid, tanh and softmax),
 * with the weights copied out of the trained DL4J network. DL4J's {@code output()} is synchronized and costs a few
 * hundred microseconds per call whatever the size; this costs microseconds, needs no lock and is safe to share.
 * Networks with other layers or activations keep using DL4J.
 */
final class DenseForwardPass {

    private enum Function { IDENTITY, RELU, SIGMOID, TANH, SOFTMAX }

    private record Dense(float[][] weights, float[] bias, Function function) {
    }

    /** Rows go through the layers in blocks this long, whose activations stay in the cache. */
    private static final int BLOCK_ROWS = 1024;
    /** Fewer rows than this go one by one: blocks so short would not pay for their reshuffling. */
    private static final int MIN_BLOCK_ROWS = 1024;

    private final List<Dense> layers;

    private DenseForwardPass(List<Dense> layers) {
        this.layers = layers;
    }

    /** The fast pass for this network, or empty when it has something the fast pass does not do. */
    static Optional<DenseForwardPass> of(MultiLayerNetwork network) {
        List<Dense> layers = new ArrayList<>();
        int count = network.getLayerWiseConfigurations().getConfs().size();
        Parameters parameters = new Parameters(network.params());
        for (int i = 0; i < count; i++) {
            Layer conf = network.getLayerWiseConfigurations().getConf(i).getLayer();
            if (network.getLayerWiseConfigurations().getInputPreProcess(i) != null) {
                return Optional.empty();
            }
            if (conf instanceof DropoutLayer) {
                continue;
            }
            if (!(conf instanceof DenseLayer || conf instanceof OutputLayer)) {
                return Optional.empty();
            }
            Optional<Function> function = function(((BaseLayer) conf).getActivationFn());
            if (function.isEmpty()) {
                return Optional.empty();
            }
            float[][] weights = parameters.matrix(network.getLayer(i).getParam("W"));
            float[] bias = parameters.matrix(network.getLayer(i).getParam("b"))[0];
            layers.add(new Dense(weights, bias, function.get()));
        }
        return layers.isEmpty() ? Optional.empty() : Optional.of(new DenseForwardPass(layers));
    }

    /**
     * The network's parameters copied out in one native call, read through each layer's view of them (offset and
     * strides): copying every weight matrix on its own (a flattening op, then a copy) cost 0.5 ms per layer, which the
     * per-epoch history paid on every epoch. A view that does not share the parameters' buffer is copied on its own.
     */
    private static final class Parameters {

        private final INDArray all;
        private float[] copied;

        Parameters(INDArray all) {
            this.all = all;
        }

        /** A matrix view as rows; a vector (a bias) as one row. */
        float[][] matrix(INDArray view) {
            boolean sharesBuffer = view.data() == all.data() || view.data().originalDataBuffer() == all.data();
            if (view.rank() > 2 || !sharesBuffer || all.rank() != 1 || all.stride(0) != 1
                    || all.dataType() != org.nd4j.linalg.api.buffer.DataType.FLOAT) {
                return view.rank() == 1 ? new float[][] {view.toFloatVector()} : Matrices.rows(view);
            }
            if (copied == null) {
                // From the buffer itself: toFloatVector() first duplicates the array with a native op (1.5 ms).
                copied = all.data().getFloatsAt(all.offset(), Math.toIntExact(all.length()));
            }
            boolean vector = view.rank() == 1;
            int rows = vector ? 1 : Math.toIntExact(view.rows());
            int columns = Math.toIntExact(vector ? view.length() : view.columns());
            long base = view.offset() - all.offset();
            long rowStride = vector ? 0 : view.stride(0);
            long columnStride = view.stride(vector ? 0 : 1);
            float[][] matrix = new float[rows][columns];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    matrix[r][c] = copied[Math.toIntExact(base + r * rowStride + c * columnStride)];
                }
            }
            return matrix;
        }
    }

    /** Multiply-adds one row costs: the size of every weight matrix. */
    long multiplyAddsPerRow() {
        long total = 0;
        for (Dense layer : layers) {
            total += (long) layer.weights().length * layer.weights()[0].length;
        }
        return total;
    }

    float[][] predict(float[][] rows) {
        float[][] out = new float[rows.length][];
        if (rows.length < MIN_BLOCK_ROWS) {
            for (int r = 0; r < rows.length; r++) {
                out[r] = predict(rows[r]);
            }
            return out;
        }
        for (int start = 0; start < rows.length; start += BLOCK_ROWS) {
            int count = Math.min(BLOCK_ROWS, rows.length - start);
            float[][] units = new float[rows[start].length][count];
            for (int r = 0; r < count; r++) {
                float[] row = rows[start + r];
                for (int i = 0; i < units.length; i++) {
                    units[i][r] = row[i];
                }
            }
            for (Dense layer : layers) {
                units = forward(layer, units, count);
            }
            for (int r = 0; r < count; r++) {
                float[] row = new float[units.length];
                for (int o = 0; o < row.length; o++) {
                    row[o] = units[o][r];
                }
                out[start + r] = row;
            }
        }
        return out;
    }

    /**
     * One layer for a block of rows held unit by unit ({@code inputs[i][r]}: unit i of row r). Each weight is
     * multiplied into a whole block at once: long loops over contiguous memory that the JIT vectorises without the
     * per-row branches of {@link #predict(float[])}. The sums are formed in the same order, so the results are the same
     * to the bit.
     */
    private static float[][] forward(Dense layer, float[][] inputs, int count) {
        float[][] weights = layer.weights();
        float[][] outputs = new float[layer.bias().length][count];
        for (int o = 0; o < outputs.length; o++) {
            float[] sums = outputs[o];
            Arrays.fill(sums, layer.bias()[o]);
            for (int i = 0; i < inputs.length; i++) {
                float weight = weights[i][o];
                float[] input = inputs[i];
                for (int r = 0; r < count; r++) {
                    sums[r] += weight * input[r];
                }
            }
        }
        if (layer.function() == Function.SOFTMAX) {
            float[] row = new float[outputs.length];
            for (int r = 0; r < count; r++) {
                for (int o = 0; o < row.length; o++) {
                    row[o] = outputs[o][r];
                }
                apply(Function.SOFTMAX, row);
                for (int o = 0; o < row.length; o++) {
                    outputs[o][r] = row[o];
                }
            }
        } else {
            for (float[] unit : outputs) {
                apply(layer.function(), unit);
            }
        }
        return outputs;
    }

    /**
     * Input by input, each adds its weight row to the outputs: the inner loop runs over contiguous memory, so the
     * JIT vectorises it. Inputs that are exactly zero (every inactive relu unit) add nothing and are skipped.
     */
    private float[] predict(float[] input) {
        float[] activations = input;
        for (Dense layer : layers) {
            float[] next = layer.bias().clone();
            float[][] weights = layer.weights();
            for (int i = 0; i < activations.length; i++) {
                float a = activations[i];
                if (a == 0f) {
                    continue;
                }
                float[] row = weights[i];
                for (int o = 0; o < next.length; o++) {
                    next[o] += a * row[o];
                }
            }
            apply(layer.function(), next);
            activations = next;
        }
        return activations;
    }

    private static void apply(Function function, float[] values) {
        switch (function) {
            case IDENTITY -> { }
            case RELU -> {
                for (int i = 0; i < values.length; i++) {
                    values[i] = Math.max(0f, values[i]);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) (1.0 / (1.0 + Math.exp(-values[i])));
                }
            }
            case TANH -> {
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) Math.tanh(values[i]);
                }
            }
            case SOFTMAX -> {
                double max = Double.NEGATIVE_INFINITY;
                for (float v : values) {
                    max = Math.max(max, v);
                }
                double sum = 0;
                double[] exps = new double[values.length];
                for (int i = 0; i < values.length; i++) {
                    exps[i] = Math.exp(values[i] - max);
                    sum += exps[i];
                }
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) (exps[i] / sum);
                }
            }
        }
    }

    private static Optional<Function> function(IActivation activation) {
        if (activation instanceof ActivationIdentity) {
            return Optional.of(Function.IDENTITY);
        }
        if (activation instanceof ActivationReLU relu && relu.getMax() == null && relu.getThreshold() == null
                && relu.getNegativeSlope() == null) {
            return Optional.of(Function.RELU);
        }
        if (activation instanceof ActivationSigmoid) {
            return Optional.of(Function.SIGMOID);
        }
        if (activation instanceof ActivationTanH) {
            return Optional.of(Function.TANH);
        }
        if (activation instanceof ActivationSoftmax) {
            return Optional.of(Function.SOFTMAX);
        }
        return Optional.empty();
    }
}
