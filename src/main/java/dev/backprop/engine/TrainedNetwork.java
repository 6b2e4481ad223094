package dev.backprop.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained network that turns encoded rows into outputs. Safe to share between threads: DL4J serialises
 * {@code output()} calls on one instance.
 */
public final class TrainedNetwork {

    private final MultiLayerNetwork network;

    TrainedNetwork(MultiLayerNetwork network) {
        this.network = network;
    }

    public static TrainedNetwork fromBytes(byte[] bytes) {
        try {
            return new TrainedNetwork(ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes), false));
        } catch (IOException e) {
            throw new UncheckedIOException("Stored network cannot be read", e);
        }
    }

    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ModelSerializer.writeModel(network, out, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One output row per input row: probabilities for classification, values for regression. */
    public float[][] predict(float[][] rows) {
        if (rows.length == 0) {
            return new float[0][];
        }
        INDArray output = network.output(Nd4j.create(rows), false);
        return output.toFloatMatrix();
    }

    public long parameterCount() {
        return network.numParams();
    }

    MultiLayerNetwork network() {
        return network;
    }
}
