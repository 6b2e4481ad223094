package dev.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;

import dev.backprop.model.NetworkDesign;
import dev.backprop.model.NetworkDesign.HiddenLayer;
import dev.backprop.preprocessing.Task;
import dev.backprop.preprocessing.TargetEncoder;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class EpochHistoryTest {

    private static final TargetEncoder BINARY = new TargetEncoder("y", Task.BINARY, List.of("0", "1"), "1", 1);

    private static float[][] gaussian(Random random, int rows, int columns) {
        float[][] x = new float[rows][columns];
        for (float[] row : x) {
            for (int c = 0; c < columns; c++) {
                row[c] = (float) random.nextGaussian();
            }
        }
        return x;
    }

    private static float[][] labels(float[][] x) {
        float[][] y = new float[x.length][1];
        for (int r = 0; r < x.length; r++) {
            y[r][0] = x[r][0] - x[r][1] > 0 ? 1 : 0;
        }
        return y;
    }

    @Test
    void measuresEachPartAsSeparateDl4jCallsWould() {
        Random random = new Random(3);
        float[][] trainX = gaussian(random, 200, 4);
        float[][] testX = gaussian(random, 90, 4);
        TrainingData data = new TrainingData(trainX, labels(trainX), testX, labels(testX));
        NetworkDesign design = new NetworkDesign(4, List.of(new HiddenLayer("dense", 6, "tanh", 0)), 1, "sigmoid",
                "binary_crossentropy", "adam", 0.05, 0.001, 16, 1, 9L);
        MultiLayerNetwork network = NetworkFactory.build(design);
        network.fit(new DataSet(Nd4j.create(trainX), Nd4j.create(data.trainY())));

        EpochStats stats = new EpochHistory(data, BINARY, 9L, network).measure(network, 1, 0.42);

        DataSet test = new DataSet(Nd4j.create(testX), Nd4j.create(data.testY()));
        assertThat(stats.trainLoss()).as("the batches' mean loss, passed in").isEqualTo(0.42);
        assertThat(stats.testLoss()).as("DL4J's score, L2 term included").isCloseTo(network.score(test, false), within(1e-5));
        assertThat(stats.trainAccuracy()).isCloseTo(Outputs.accuracy(
                Matrices.rows(network.output(Nd4j.create(trainX), false)), data.trainY()), within(1e-9));
        assertThat(stats.testAccuracy()).isCloseTo(Outputs.accuracy(
                Matrices.rows(network.output(Nd4j.create(testX), false)), data.testY()), within(1e-9));
        assertThat(stats.testAccuracy()).as("a trained network, not chance").isGreaterThan(0.6);
    }

    @Test
    void aSoftmaxClassifiersHeldOutLossIsDl4jsScore() {
        Random random = new Random(4);
        float[][] x = gaussian(random, 150, 3);
        float[][] y = new float[150][3];
        for (int r = 0; r < x.length; r++) {
            y[r][x[r][0] > 0.5 ? 0 : x[r][1] > 0 ? 1 : 2] = 1;
        }
        TrainingData data = new TrainingData(x, y, x, y);
        NetworkDesign design = new NetworkDesign(3, List.of(new HiddenLayer("dense", 5, "relu", 0)), 3, "softmax",
                "categorical_crossentropy", "adam", 0.05, 0.01, 16, 1, 5L);
        MultiLayerNetwork network = NetworkFactory.build(design);
        network.fit(new DataSet(Nd4j.create(x), Nd4j.create(y)));
        TargetEncoder multiclass = new TargetEncoder("y", Task.MULTICLASS, List.of("a", "b", "c"), null, 3);

        EpochStats stats = new EpochHistory(data, multiclass, 5L, network).measure(network, 1, 0.5);

        assertThat(stats.testLoss()).isCloseTo(network.score(new DataSet(Nd4j.create(x), Nd4j.create(y)), false),
                within(1e-5));
    }

    @Test
    void samplesLargePartsAndKeepsSmallOnesWhole() {
        assertThat(EpochHistory.rows(668)).isEqualTo(256);
        assertThat(EpochHistory.rows(75_000)).isEqualTo(2_500);
    }
}
