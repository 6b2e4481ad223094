package dev.backprop.engine;

import java.util.List;
import java.util.Random;

import dev.backprop.model.NetworkDesign;
import dev.backprop.preprocessing.Task;
import dev.backprop.preprocessing.TargetEncoder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The plain JVM forward pass gives DL4J's outputs (to 1e-5) for every dense network it takes over. */
class DenseForwardPassTest {

    @ParameterizedTest
    @ValueSource(strings = {"relu", "sigmoid", "tanh", "identity"})
    void matchesDl4jAfterTraining(String activation) {
        for (String output : List.of("sigmoid", "softmax", "identity")) {
            NetworkDesign design = new NetworkDesign(5, List.of(new NetworkDesign.HiddenLayer("dense", 16, activation, 0),
                    new NetworkDesign.HiddenLayer("dropout", 0, null, 0.3), new NetworkDesign.HiddenLayer("dense", 8, activation, 0)),
                    output.equals("softmax") ? 3 : 1, output,
                    output.equals("softmax") ? "categorical_crossentropy" : output.equals("sigmoid") ? "binary_crossentropy" : "mse",
                    "adam", 0.01, 0, 16, 5, 11L);
            TargetEncoder target = output.equals("softmax")
                    ? new TargetEncoder("y", Task.MULTICLASS, List.of("a", "b", "c"), null, 3)
                    : output.equals("sigmoid") ? new TargetEncoder("y", Task.BINARY, List.of("0", "1"), "1", 1)
                    : new TargetEncoder("y", Task.REGRESSION, null, null, 1);
            float[][] x = random(64, 5, 1);
            float[][] y = new float[64][design.outputs()];
            for (int i = 0; i < 64; i++) {
                y[i][output.equals("softmax") ? i % 3 : 0] = output.equals("identity") ? x[i][0] * 2 : 1f * (i % 2);
            }
            TrainedNetwork network = new Trainer().train(design, new TrainingData(x, y, x, y), target, stats -> true).network();
            assertThat(network.usesFastPath()).as(activation + " → " + output).isTrue();

            // More rows than one block of the batched pass, the last block short.
            float[][] rows = random(2_100, 5, 2);
            float[][] fast = network.predict(rows);
            float[][] dl4j = network.predictWithDl4j(rows);
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < fast[r].length; c++) {
                    assertThat(fast[r][c]).as(activation + " → " + output).isCloseTo(dl4j[r][c], within(1e-5f));
                }
                // A row alone (the row-by-row pass) gets exactly what it gets in a batch.
                if (r % 97 == 0) {
                    assertThat(network.predict(new float[][] {rows[r]})[0]).as(activation + " → " + output).containsExactly(fast[r]);
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void evaluationOfManyRowsOnAWideNetworkTakesDl4jsMatrixProductsAndGetsTheSameOutputs() {
        NetworkDesign design = new NetworkDesign(400, List.of(new NetworkDesign.HiddenLayer("dense", 256, "relu", 0)), 10,
                "softmax", "categorical_crossentropy", "adam", 0.01, 0, 16, 1, 3L);
        TrainedNetwork network = new TrainedNetwork(NetworkFactory.build(design));
        float[][] many = random(TrainedNetwork.WIDE_ROWS, 400, 4);
        float[][] evaluated = network.predictForEvaluation(many);
        float[][] served = network.predict(many);
        float[][] dl4j = network.predictWithDl4j(many);
        for (int r = 0; r < many.length; r++) {
            assertThat(evaluated[r]).as("DL4J's own outputs").containsExactly(dl4j[r]);
            for (int c = 0; c < 10; c++) {
                assertThat(evaluated[r][c]).isCloseTo(served[r][c], within(1e-5f));
            }
        }
        float[][] few = random(TrainedNetwork.WIDE_ROWS - 1, 400, 5);
        assertThat(network.predictForEvaluation(few)).as("fewer rows: the JVM pass").isDeepEqualTo(network.predict(few));
    }

    @ParameterizedTest
    @ValueSource(strings = {"elu", "swish", "leaky_relu"})
    void otherActivationsStayWithDl4j(String activation) {
        NetworkDesign design = new NetworkDesign(3, List.of(new NetworkDesign.HiddenLayer("dense", 4, activation, 0)), 1, "sigmoid",
                "binary_crossentropy", "adam", 0.01, 0, 4, 1, 1L);
        assertThat(new TrainedNetwork(NetworkFactory.build(design)).usesFastPath()).isFalse();
    }

    private static float[][] random(int rows, int columns, long seed) {
        Random random = new Random(seed);
        float[][] x = new float[rows][columns];
        for (float[] row : x) {
            for (int c = 0; c < columns; c++) {
                row[c] = (float) random.nextGaussian();
            }
        }
        return x;
    }
}
