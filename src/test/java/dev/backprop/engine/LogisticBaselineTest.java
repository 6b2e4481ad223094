package dev.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;

import dev.backprop.model.NetworkDesign;
import dev.backprop.model.NetworkDesign.HiddenLayer;
import dev.backprop.preprocessing.Task;
import dev.backprop.preprocessing.TargetEncoder;
import org.junit.jupiter.api.Test;

class LogisticBaselineTest {

    private static final TargetEncoder BINARY = new TargetEncoder("y", Task.BINARY, List.of("0", "1"), "1", 1);
    private static final List<HiddenLayer> HIDDEN = List.of(new HiddenLayer("dense", 8, "relu", 0));

    private final LogisticBaseline baseline = new LogisticBaseline();

    /** Five Gaussian features; class 1 when a noisy linear score is positive, so about 90% is the best possible. */
    private static TrainingData linear(int rows, long seed) {
        Random random = new Random(seed);
        float[][] x = new float[rows][5];
        float[][] y = new float[rows][1];
        for (int r = 0; r < rows; r++) {
            double score = random.nextGaussian() * 0.5;
            for (int f = 0; f < 5; f++) {
                x[r][f] = (float) random.nextGaussian();
            }
            score += x[r][0] + 2 * x[r][1] - x[r][2];
            y[r][0] = score > 0 ? 1 : 0;
        }
        int train = rows * 3 / 4;
        return new TrainingData(java.util.Arrays.copyOf(x, train), java.util.Arrays.copyOf(y, train),
                java.util.Arrays.copyOfRange(x, train, rows), java.util.Arrays.copyOfRange(y, train, rows));
    }

    /** Three classes around three centres in two dimensions, one-hot labels. */
    private static TrainingData blobs(int rows) {
        Random random = new Random(7);
        float[][] centres = {{2, 0}, {-2, 1}, {0, -2}};
        float[][] x = new float[rows][];
        float[][] y = new float[rows][3];
        for (int r = 0; r < rows; r++) {
            int c = r % 3;
            x[r] = new float[] {centres[c][0] + (float) random.nextGaussian() * 0.6f,
                    centres[c][1] + (float) random.nextGaussian() * 0.6f};
            y[r][c] = 1;
        }
        return new TrainingData(x, y, x, y);
    }

    private static NetworkDesign binaryDesign(int inputs) {
        return new NetworkDesign(inputs, HIDDEN, 1, "sigmoid", "binary_crossentropy", "adam", 0.001, 0, 64, 10, 42L);
    }

    private static double accuracy(float[][] outputs, float[][] expected) {
        return Outputs.accuracy(outputs, expected, 0.5f);
    }

    @Test
    void learnsALinearRuleAsWellAsDl4jTrainingTheSameModel() {
        TrainingData data = linear(800, 1);
        NetworkDesign design = binaryDesign(5);
        LogisticBaseline.Outcome outcome = baseline.train(design, data);
        double ours = accuracy(outcome.network().predict(data.testX()), data.testY());

        TrainingOutcome dl4j = new Trainer().train(design.logisticBaseline(outcome.epochs(), 32), data, BINARY, stats -> true);
        double theirs = accuracy(dl4j.network().predict(data.testX()), data.testY());

        assertThat(ours).isGreaterThan(0.85);
        assertThat(ours).as("the same convex model, trained the same way").isCloseTo(theirs, within(0.03));
    }

    @Test
    void separatesThreeClassesWithSoftmaxProbabilities() {
        TrainingData data = blobs(300);
        NetworkDesign design = new NetworkDesign(2, HIDDEN, 3, "softmax", "categorical_crossentropy", "adam", 0.001, 0,
                32, 10, 42L);
        float[][] outputs = baseline.train(design, data).network().predict(data.testX());
        assertThat(Outputs.accuracy(outputs, data.testY(), 0.5f)).isGreaterThan(0.9);
        for (float[] row : outputs) {
            assertThat(row[0] + row[1] + row[2]).isCloseTo(1f, within(1e-5f));
        }
    }

    @Test
    void theStoredDl4jNetworkCarriesTheTrainedWeights() {
        TrainingData data = linear(400, 2);
        TrainedNetwork network = baseline.train(binaryDesign(5), data).network();
        float[][] fast = network.predict(data.testX());
        float[][] dl4j = network.predictWithDl4j(data.testX());
        for (int r = 0; r < fast.length; r++) {
            assertThat(dl4j[r][0]).isCloseTo(fast[r][0], within(1e-5f));
        }
        // A network that kept its random initial weights would sit near chance on this rule.
        assertThat(accuracy(dl4j, data.testY())).isGreaterThan(0.85);
    }

    @Test
    void isRepeatableForASeed() {
        TrainingData data = linear(300, 3);
        float[][] first = baseline.train(binaryDesign(5), data).network().predict(data.testX());
        float[][] second = baseline.train(binaryDesign(5), data).network().predict(data.testX());
        assertThat(second).isDeepEqualTo(first);
    }

    @Test
    void givesSmallTablesUpToAHundredEpochsAndWideOnesFewer() {
        assertThat(LogisticBaseline.epochs(668, 24, 1)).as("Titanic").isEqualTo(100);
        assertThat(LogisticBaseline.epochs(75_000, 20, 1)).as("many rows: at least 5").isEqualTo(5);
        assertThat(LogisticBaseline.epochs(7_500, 784, 10)).as("MNIST: within the work cap").isEqualTo(1);
        assertThat(LogisticBaseline.epochs(1_000_000, 5_000, 10)).as("never none").isEqualTo(1);
    }
}
