package dev.backprop.engine;

import java.util.List;

import dev.backprop.model.NetworkDesign;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Maxout: each unit outputs the largest of its linear pieces, and backpropagation gets the gradient right. */
class MaxoutLayerTest {

    private static final NetworkDesign.HiddenLayer MAXOUT =
            new NetworkDesign.HiddenLayer("maxout", 2, null, 0, null, null, null, null, null, 3);

    @Test
    void eachUnitOutputsTheLargestOfItsLinearPieces() {
        NetworkDesign design = new NetworkDesign(3, List.of(MAXOUT), 1, "identity", "mse", "adam", 0.01, 0, 4, 1, 7L);
        MultiLayerNetwork network = NetworkFactory.build(design);
        INDArray weights = network.getLayer(0).getParam("W");
        INDArray bias = network.getLayer(0).getParam("b");
        bias.assign(Nd4j.create(new float[] {0.1f, -0.2f, 0.3f, 0.0f, 0.5f, -0.4f}, 1, 6));
        float[][] inputs = {{0.5f, -1.0f, 2.0f}, {-0.3f, 0.8f, 0.1f}};

        INDArray hidden = network.feedForward(Nd4j.create(inputs), false).get(1);

        for (int row = 0; row < inputs.length; row++) {
            for (int unit = 0; unit < 2; unit++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int piece = 0; piece < 3; piece++) {
                    int column = unit * 3 + piece;
                    double z = bias.getDouble(0, column);
                    for (int i = 0; i < 3; i++) {
                        z += inputs[row][i] * weights.getDouble(i, column);
                    }
                    best = Math.max(best, z);
                }
                assertThat(hidden.getDouble(row, unit)).as("row %d unit %d", row, unit).isCloseTo(best, within(1e-5));
            }
        }
    }

    @Test
    void itsGradientMatchesTheNumericalGradient() {
        // DL4J's gradient check insists on double precision globally; the rest of the suite runs in float.
        DataType previous = Nd4j.dataType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        try {
            checkGradients();
        } finally {
            Nd4j.setDefaultDataTypes(previous, previous);
        }
    }

    private static void checkGradients() {
        MultiLayerConfiguration configuration = new NeuralNetConfiguration.Builder()
                .dataType(DataType.DOUBLE)
                .seed(3)
                .updater(new NoOp())
                .list()
                .layer(new org.deeplearning4j.nn.conf.layers.DenseLayer.Builder().nIn(4).nOut(5).activation(Activation.TANH).build())
                .layer(new MaxoutLayer(5, 3, 3, WeightInit.XAVIER))
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(3).nOut(2).activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        Nd4j.getRandom().setSeed(5);
        INDArray input = Nd4j.rand(DataType.DOUBLE, 6, 4).subi(0.5);
        INDArray labels = Nd4j.zeros(DataType.DOUBLE, 6, 2);
        for (int i = 0; i < 6; i++) {
            labels.putScalar(i, i % 2, 1.0);
        }

        boolean matches = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig()
                .net(network).input(input).labels(labels)
                .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8));

        assertThat(matches).as("analytic vs numerical gradient of every parameter").isTrue();
    }

    @Test
    void aTrainedMaxoutNetworkSurvivesSerialisation() {
        NetworkDesign design = new NetworkDesign(3, List.of(MAXOUT), 1, "sigmoid", "binary_crossentropy", "adam", 0.01, 0, 4,
                1, 7L);
        TrainedNetwork network = new TrainedNetwork(NetworkFactory.build(design));
        float[][] rows = {{0.5f, -1.0f, 2.0f}, {-0.3f, 0.8f, 0.1f}};

        float[][] restored = TrainedNetwork.fromBytes(network.toBytes()).predict(rows);

        float[][] original = network.predict(rows);
        for (int i = 0; i < rows.length; i++) {
            assertThat(restored[i][0]).isCloseTo(original[i][0], within(1e-6f));
        }
    }
}
