package dev.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.stream.Stream;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** A checkpoint's arrays, copied in bulk, are byte for byte what Nd4j.write gives, so Nd4j.read restores them. */
class CheckpointBytesTest {

    static Stream<INDArray> arrays() {
        Nd4j.getRandom().setSeed(11);
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3).updater(new Adam(0.01))
                .list()
                .layer(new DenseLayer.Builder().nIn(30).nOut(700).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunction.XENT).nIn(700).nOut(1).activation(Activation.SIGMOID).build())
                .build());
        network.init();
        network.fit(Nd4j.rand(DataType.FLOAT, 16, 30), Nd4j.rand(DataType.FLOAT, 16, 1).gt(0.5).castTo(DataType.FLOAT));
        return Stream.of(
                network.params(),
                network.getUpdater().getStateViewArray(),
                Nd4j.rand(DataType.FLOAT, 7, 5).dup('f'),
                Nd4j.rand(DataType.FLOAT, 10, 10).get(NDArrayIndex.interval(2, 5), NDArrayIndex.all()),
                Nd4j.rand(DataType.DOUBLE, 4, 4),
                Nd4j.create(new float[] {Float.NaN, Float.NEGATIVE_INFINITY, -0f, Float.MIN_VALUE}, 4));
    }

    @ParameterizedTest
    @MethodSource("arrays")
    void anArrayIsWrittenAsNd4jWritesItAndReadsBack(INDArray array) throws IOException {
        byte[] expected = nd4jBytes(array);
        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(actual)) {
            Checkpoint.write(array, out);
        }

        assertThat(actual.toByteArray()).isEqualTo(expected);
        INDArray read = Nd4j.read(new DataInputStream(new ByteArrayInputStream(actual.toByteArray())));
        assertThat(read.shape()).isEqualTo(array.shape());
        // Bit for bit, NaN included (INDArray.equals never finds NaN equal).
        assertThat(nd4jBytes(read)).isEqualTo(expected);
    }

    private static byte[] nd4jBytes(INDArray array) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            Nd4j.write(array, out);
        }
        return bytes.toByteArray();
    }
}
