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
 * A trained network that turns encoded rows into outputs. Dense networks predict with a plain JVM forward pass
 * ({@link DenseForwardPass}); others with DL4J, which serialises {@code output()} calls on one instance. Either way
 * safe to share between threads.
 */
public final class TrainedNetwork {

    private final MultiLayerNetwork network;
    private final DenseForwardPass fast;

    TrainedNetwork(MultiLayerNetwork network) {
        this.network = network;
        this.fast = DenseForwardPass.of(network).orElse(null);
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
        if (fast != null) {
            return fast.predict(rows);
        }
        return predictWithDl4j(rows);
    }

    /** DL4J's own (synchronized) forward pass, whatever the layers. */
    float[][] predictWithDl4j(float[][] rows) {
        INDArray output = network.output(Nd4j.create(rows), false);
        return Matrices.rows(output);
    }

    /** Whether predictions take the plain JVM forward pass rather than DL4J's. */
    public boolean usesFastPath() {
        return fast != null;
    }

    public long parameterCount() {
        return network.numParams();
    }

    MultiLayerNetwork network() {
        return network;
    }
}
