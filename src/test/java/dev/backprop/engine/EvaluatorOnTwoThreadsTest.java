package dev.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.backprop.evaluation.EvaluatedVersion;
import dev.backprop.model.NetworkDesign;
import dev.backprop.preprocessing.TargetEncoder;
import dev.backprop.preprocessing.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The final evaluation shared with a helper thread gives the metrics of the one-thread evaluation. */
class EvaluatorOnTwoThreadsTest {

    private final Evaluator evaluator = new Evaluator();
    private final Set<String> helperThreads = ConcurrentHashMap.newKeySet();
    private final ExecutorService helper = Executors.newSingleThreadExecutor(task -> new Thread(() -> {
        helperThreads.add(Thread.currentThread().getName());
        task.run();
    }, "helper"));

    @AfterEach
    void stop() {
        helper.shutdownNow();
    }

    @Test
    void aSmallBinaryNetworkGetsTheSameMetricsOnTwoThreads() {
        TrainedNetwork network = network(20, 16, 1, "sigmoid", "binary_crossentropy");
        TargetEncoder target = new TargetEncoder("y", Task.BINARY, List.of("0", "1"), "1", 1);
        TrainingData data = data(3_000, 1_000, 20, 1, 1);

        EvaluatedVersion shared = evaluator.evaluate(network, data, target, helper);

        assertThat(shared).usingRecursiveComparison().isEqualTo(evaluator.evaluate(network, data, target));
        assertThat(shared.train().rows()).isEqualTo(3_000);
        assertThat(shared.test().rows()).isEqualTo(1_000);
        assertThat(helperThreads).containsExactly("helper");
    }

    @Test
    void aWideMulticlassNetworkOnDl4jsPathGetsTheSameMetricsOnTwoThreads() {
        TrainedNetwork network = network(400, 256, 10, "softmax", "categorical_crossentropy");
        TargetEncoder target = new TargetEncoder("y", Task.MULTICLASS,
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), null, 10);
        TrainingData data = data(3_000, 1_000, 400, 10, 2);

        EvaluatedVersion shared = evaluator.evaluate(network, data, target, helper);
        EvaluatedVersion alone = evaluator.evaluate(network, data, target);

        assertThat(shared.train().rows()).isEqualTo(3_000);
        assertThat(shared.train().accuracy()).isEqualTo(alone.train().accuracy());
        assertThat(shared.test()).usingRecursiveComparison().isEqualTo(alone.test());
        assertThat(shared.train().logLoss()).isCloseTo(alone.train().logLoss(), org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void aRegressionWithMoreHeldOutThanTrainingRowsGetsTheSameMetrics() {
        TrainedNetwork network = network(5, 8, 1, "identity", "mse");
        TargetEncoder target = new TargetEncoder("y", Task.REGRESSION, null, null, 1);
        TrainingData data = data(10, 30, 5, 1, 3);

        assertThat(evaluator.evaluate(network, data, target, helper)).usingRecursiveComparison()
                .isEqualTo(evaluator.evaluate(network, data, target));
    }

    @Test
    @Timeout(60)
    void aFailureOnTheHelperIsRethrownAsItWasThrownInsteadOfWaitingForever() {
        TrainedNetwork network = network(20, 16, 1, "sigmoid", "binary_crossentropy");
        TargetEncoder target = new TargetEncoder("y", Task.BINARY, List.of("0", "1"), "1", 1);
        TrainingData good = data(3_000, 1_000, 20, 1, 4);
        // The helper predicts the first training rows and then the held-out part: break one of each in turn.
        float[][] brokenTrain = good.trainX().clone();
        brokenTrain[0] = null;
        TrainingData firstRowsBroken = new TrainingData(brokenTrain, good.trainY(), good.testX(), good.testY());
        float[][] brokenTest = good.testX().clone();
        brokenTest[5] = null;
        TrainingData heldOutBroken = new TrainingData(good.trainX(), good.trainY(), brokenTest, good.testY());

        for (TrainingData data : List.of(firstRowsBroken, heldOutBroken)) {
            Class<? extends Throwable> alone = catchType(() -> evaluator.evaluate(network, data, target));
            assertThatThrownBy(() -> evaluator.evaluate(network, data, target, helper)).isExactlyInstanceOf(alone);
        }
    }

    private static Class<? extends Throwable> catchType(Runnable run) {
        try {
            run.run();
        } catch (RuntimeException e) {
            return e.getClass();
        }
        throw new AssertionError("expected the one-thread evaluation to fail too");
    }

    private static TrainedNetwork network(int inputs, int hidden, int outputs, String activation, String loss) {
        NetworkDesign design = new NetworkDesign(inputs, List.of(new NetworkDesign.HiddenLayer("dense", hidden, "relu", 0)),
                outputs, activation, loss, "adam", 0.01, 0, 16, 1, 3L);
        return new TrainedNetwork(NetworkFactory.build(design));
    }

    private static TrainingData data(int trainRows, int testRows, int inputs, int outputs, long seed) {
        Random random = new Random(seed);
        return new TrainingData(rows(trainRows, inputs, random), targets(trainRows, outputs, random),
                rows(testRows, inputs, random), targets(testRows, outputs, random));
    }

    private static float[][] rows(int n, int width, Random random) {
        float[][] x = new float[n][width];
        for (float[] row : x) {
            for (int c = 0; c < width; c++) {
                row[c] = (float) random.nextGaussian();
            }
        }
        return x;
    }

    private static float[][] targets(int n, int outputs, Random random) {
        float[][] y = new float[n][outputs];
        for (float[] row : y) {
            if (outputs == 1) {
                row[0] = random.nextInt(2);
            } else {
                row[random.nextInt(outputs)] = 1f;
            }
        }
        return y;
    }
}
