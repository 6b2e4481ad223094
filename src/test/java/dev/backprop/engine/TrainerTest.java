package dev.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import dev.backprop.evaluation.EvaluatedVersion;
import dev.backprop.model.NetworkDesign;
import dev.backprop.model.NetworkDesign.HiddenLayer;
import dev.backprop.model.Vocabulary;
import dev.backprop.preprocessing.TargetEncoder;
import dev.backprop.preprocessing.Task;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class TrainerTest {

    private static final TargetEncoder BINARY = new TargetEncoder("y", Task.BINARY, List.of("0", "1"), "1", 1);
    private static final TargetEncoder REGRESSION = new TargetEncoder("y", Task.REGRESSION, null, null, 1);

    private final Trainer trainer = new Trainer();

    private static HiddenLayer dense(int units, String activation) {
        return new HiddenLayer("dense", units, activation, 0);
    }

    private static HiddenLayer dropout(double rate) {
        return new HiddenLayer("dropout", 0, null, rate);
    }

    private static NetworkDesign binaryDesign(int epochs) {
        return new NetworkDesign(2, List.of(dense(4, "tanh")), 1, "sigmoid", "binary_crossentropy", "adam", 0.05, 0.0,
                8, epochs, 42L);
    }

    /** Points on a grid; class 1 when x + y > 0, so a line separates the classes. */
    private static TrainingData separable() {
        List<float[]> xs = new ArrayList<>();
        List<float[]> ys = new ArrayList<>();
        for (float a = -1.5f; a <= 1.5f; a += 0.5f) {
            for (float b = -1.5f; b <= 1.5f; b += 0.5f) {
                if (a + b != 0) {
                    xs.add(new float[] {a, b});
                    ys.add(new float[] {a + b > 0 ? 1f : 0f});
                }
            }
        }
        float[][] x = xs.toArray(float[][]::new);
        float[][] y = ys.toArray(float[][]::new);
        float[][] testX = {{1f, 0.8f}, {-0.7f, -1.1f}, {0.3f, -1.2f}};
        float[][] testY = {{1f}, {0f}, {0f}};
        return new TrainingData(x, y, testX, testY);
    }

    private static List<EpochStats> train(Trainer trainer, NetworkDesign design, TrainingData data, TargetEncoder target) {
        List<EpochStats> epochs = new ArrayList<>();
        trainer.train(design, data, target, stats -> epochs.add(stats));
        return epochs;
    }

    @Test
    void trainingLowersTheTrainingLossOnASeparableProblem() {
        List<EpochStats> epochs = new ArrayList<>();

        TrainingOutcome outcome = trainer.train(binaryDesign(30), separable(), BINARY, epochs::add);

        assertThat(outcome.epochsRun()).isEqualTo(30);
        assertThat(outcome.stoppedEarly()).isFalse();
        assertThat(epochs).hasSize(30);
        assertThat(epochs).extracting(EpochStats::epoch).startsWith(1, 2, 3).endsWith(30);
        assertThat(epochs.get(0).trainLoss()).isGreaterThan(epochs.get(29).trainLoss());
        assertThat(epochs.get(29).trainAccuracy()).isGreaterThanOrEqualTo(0.9);
        assertThat(epochs).allSatisfy(stats -> {
            assertThat(stats.trainLoss()).isFinite();
            assertThat(stats.testLoss()).isFinite();
            assertThat(stats.trainAccuracy()).isBetween(0.0, 1.0);
            assertThat(stats.testAccuracy()).isBetween(0.0, 1.0);
        });
    }

    @Test
    void listenerAnsweringFalseStopsTrainingAfterThatEpoch() {
        List<Integer> heard = new ArrayList<>();

        TrainingOutcome outcome = trainer.train(binaryDesign(20), separable(), BINARY, stats -> {
            heard.add(stats.epoch());
            return stats.epoch() < 3;
        });

        assertThat(outcome.stoppedEarly()).isTrue();
        assertThat(outcome.epochsRun()).isEqualTo(3);
        assertThat(heard).containsExactly(1, 2, 3);
        assertThat(outcome.network()).isNotNull();
    }

    @Test
    void divergingTrainingThrowsNamingTheNonFiniteLoss() {
        // Unscaled inputs around a million, plain SGD with learning rate 10 and a linear output: the first
        // update overshoots by many orders of magnitude and the squared error overflows.
        float[][] x = new float[8][];
        float[][] y = new float[8][];
        for (int i = 0; i < 8; i++) {
            x[i] = new float[] {1e6f * (i + 1), -2e6f * i};
            y[i] = new float[] {1e6f * i};
        }
        NetworkDesign design = new NetworkDesign(2, List.of(dense(8, "identity")), 1, "identity", "mse", "sgd", 10.0,
                0.0, 4, 5, 7L);
        TrainingData data = new TrainingData(x, y, x, y);
        List<EpochStats> heard = new ArrayList<>();

        assertThatThrownBy(() -> trainer.train(design, data, REGRESSION, heard::add))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageMatching("(?s)The training loss became (NaN|Infinity|-Infinity) in epoch \\d+.*")
                .hasMessageContaining("Lower the learning rate (now 10.0)");
        assertThat(heard).allSatisfy(stats -> assertThat(stats.trainLoss()).isFinite());
    }

    @Test
    void serialisedNetworkGivesTheSamePredictions() {
        TrainingData data = separable();
        TrainedNetwork network = trainer.train(binaryDesign(5), data, BINARY, stats -> true).network();

        TrainedNetwork restored = TrainedNetwork.fromBytes(network.toBytes());

        float[][] before = network.predict(data.trainX());
        float[][] after = restored.predict(data.trainX());
        assertThat(after.length).isEqualTo(before.length);
        for (int i = 0; i < before.length; i++) {
            assertThat(after[i]).hasSize(1);
            assertThat((double) after[i][0]).isCloseTo(before[i][0], within(1e-6));
        }
        assertThat(restored.parameterCount()).isEqualTo(network.parameterCount()).isEqualTo(2 * 4 + 4 + 4 + 1);
    }

    @Test
    void predictingNoRowsGivesNoOutputs() {
        TrainedNetwork network = trainer.train(binaryDesign(1), separable(), BINARY, stats -> true).network();

        assertThat(network.predict(new float[0][])).isEmpty();
    }

    @Test
    void sameDesignDataAndSeedTrainToIdenticalLossHistories() {
        NetworkDesign design = new NetworkDesign(2, List.of(dense(6, "relu"), dropout(0.2), dense(3, "tanh")), 1,
                "sigmoid", "binary_crossentropy", "adam", 0.05, 1e-4, 5, 8, 1234L);

        List<EpochStats> first = train(trainer, design, separable(), BINARY);
        List<EpochStats> second = train(new Trainer(), design, separable(), BINARY);

        assertThat(first).hasSize(8);
        assertThat(second).containsExactlyElementsOf(first);
    }

    @Test
    void differentSeedsStartFromDifferentWeights() {
        NetworkDesign a = binaryDesign(1);
        NetworkDesign b = new NetworkDesign(a.inputs(), a.hidden(), a.outputs(), a.outputActivation(), a.loss(),
                a.optimizer(), a.learningRate(), a.l2(), a.batchSize(), a.epochs(), a.seed() + 1);

        assertThat(NetworkFactory.build(a).params()).isNotEqualTo(NetworkFactory.build(b).params());
    }

    @Test
    void regressionEpochsReportNoAccuracy() {
        float[][] x = {{0f}, {1f}, {2f}, {3f}};
        float[][] y = {{1f}, {3f}, {5f}, {7f}};
        NetworkDesign design = new NetworkDesign(1, List.of(), 1, "identity", "mse", "adam", 0.05, 0, 4, 2, 3L);

        List<EpochStats> epochs = train(trainer, design, new TrainingData(x, y, x, y), REGRESSION);

        assertThat(epochs).hasSize(2).allSatisfy(stats -> {
            assertThat(stats.trainAccuracy()).isNull();
            assertThat(stats.testAccuracy()).isNull();
        });
    }

    @Test
    void batchesBuiltAheadOnAHelperTrainTheSameNetworkAsBatchesBuiltInPlace() {
        java.util.concurrent.ExecutorService helper = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            NetworkDesign design = binaryDesign(12);
            List<EpochStats> inPlace = new java.util.ArrayList<>();
            List<EpochStats> ahead = new java.util.ArrayList<>();
            TrainedNetwork alone = trainer.train(design, separable(), BINARY, null, (stats, checkpoint) -> inPlace.add(stats)).network();
            TrainedNetwork helped = trainer.train(design, separable(), BINARY, null, (stats, checkpoint) -> ahead.add(stats),
                    helper).network();
            assertThat(helped.network().params()).isEqualTo(alone.network().params());
            assertThat(ahead).isEqualTo(inPlace);
        } finally {
            helper.shutdownNow();
        }
    }

    @Test
    void evaluatorMeasuresBothPartsOfATrainedNetwork() {
        TrainingData data = separable();
        TrainedNetwork network = trainer.train(binaryDesign(30), data, BINARY, stats -> true).network();

        EvaluatedVersion evaluated = new Evaluator().evaluate(network, data, BINARY);

        assertThat(evaluated.train().rows()).isEqualTo(data.trainX().length);
        assertThat(evaluated.test().rows()).isEqualTo(3);
        assertThat(evaluated.train().accuracy()).isGreaterThanOrEqualTo(0.9);
        assertThat(evaluated.train().rocAuc()).isGreaterThan(0.9);
    }

    @Test
    void everyActivationInTheVocabularyCanBeBuiltAndRun() {
        for (String activation : Vocabulary.ACTIVATIONS) {
            NetworkDesign design = new NetworkDesign(3, List.of(dense(4, activation)), 1, "sigmoid",
                    "binary_crossentropy", "adam", 0.01, 0, 4, 1, 1L);
            assertThatCode(() -> fitOnce(design)).as(activation).doesNotThrowAnyException();
        }
    }

    @Test
    void everyActivationInTheVocabularyCanBeAnOutputActivation() {
        for (String activation : Vocabulary.ACTIVATIONS) {
            // Softmax needs at least two units; the rest are checked with the same two-unit layer.
            NetworkDesign design = new NetworkDesign(3, List.of(dense(4, "relu")), 2, activation, "mse", "adam", 0.01,
                    0, 4, 1, 1L);
            assertThatCode(() -> fitOnce(design)).as(activation).doesNotThrowAnyException();
        }
    }

    @Test
    void everyLossInTheVocabularyCanBeBuiltAndRun() {
        for (String loss : Vocabulary.LOSSES) {
            String output = switch (loss) {
                case "binary_crossentropy" -> "sigmoid";
                case "categorical_crossentropy" -> "softmax";
                default -> "identity";
            };
            NetworkDesign design = new NetworkDesign(3, List.of(dense(4, "relu")), 2, output, loss, "adam", 0.01, 0,
                    4, 1, 1L);
            assertThatCode(() -> fitOnce(design)).as(loss).doesNotThrowAnyException();
        }
    }

    @Test
    void everyOptimizerInTheVocabularyCanBeBuiltAndRun() {
        for (String optimizer : Vocabulary.OPTIMIZERS) {
            NetworkDesign design = new NetworkDesign(3, List.of(dense(4, "relu")), 1, "sigmoid",
                    "binary_crossentropy", optimizer, 0.01, 0, 4, 1, 1L);
            assertThatCode(() -> fitOnce(design)).as(optimizer).doesNotThrowAnyException();
        }
    }

    /** Builds the network, fits one mini-batch and checks the output is finite and the right shape. */
    private static void fitOnce(NetworkDesign design) {
        MultiLayerNetwork network = NetworkFactory.build(design);
        float[][] x = {{0.1f, -0.2f, 0.3f}, {0.5f, 0.4f, -0.6f}, {-0.3f, 0.9f, 0.2f}, {0.0f, -0.7f, 0.8f}};
        float[][] y = new float[4][design.outputs()];
        for (int i = 0; i < 4; i++) {
            y[i][i % design.outputs()] = 1f;
        }
        network.fit(Nd4j.create(x), Nd4j.create(y));
        float[][] out = network.output(Nd4j.create(x), false).toFloatMatrix();
        assertThat(out.length).isEqualTo(4);
        for (float[] row : out) {
            assertThat(row).hasSize(design.outputs());
            for (float v : row) {
                assertThat(v).isFinite();
            }
        }
    }

    @Test
    void unknownNamesAreRefusedByTheMapping() {
        assertThatThrownBy(() -> DesignMapping.activation("cube")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DesignMapping.loss("poisson")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DesignMapping.optimizer("lbfgs", 0.1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dropoutRateIsTheFractionDroppedSoDl4jRetainsTheRest() {
        NetworkDesign design = new NetworkDesign(3, List.of(dense(4, "relu"), dropout(0.3), dense(2, "relu")), 1,
                "sigmoid", "binary_crossentropy", "adam", 0.01, 0, 4, 1, 1L);

        MultiLayerNetwork network = NetworkFactory.build(design);

        Layer layer = network.getLayerWiseConfigurations().getConf(1).getLayer();
        assertThat(layer).isInstanceOf(DropoutLayer.class);
        assertThat(((DropoutLayer) layer).getIDropout()).isInstanceOf(Dropout.class);
        assertThat(((Dropout) ((DropoutLayer) layer).getIDropout()).getP()).isCloseTo(0.7, within(1e-12));
    }

    @Test
    void dropoutLayerWithRateZeroIsLeftOut() {
        NetworkDesign design = new NetworkDesign(3, List.of(dense(4, "relu"), dropout(0.0)), 1, "sigmoid",
                "binary_crossentropy", "adam", 0.01, 0, 4, 1, 1L);

        MultiLayerNetwork network = NetworkFactory.build(design);

        assertThat(network.getnLayers()).isEqualTo(2);
        assertThat(network.getLayerWiseConfigurations().getConf(0).getLayer()).isInstanceOf(DenseLayer.class);
        assertThat(network.getLayerWiseConfigurations().getConf(1).getLayer()).isInstanceOf(OutputLayer.class);
    }
}
