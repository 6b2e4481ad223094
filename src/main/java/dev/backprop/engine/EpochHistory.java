package dev.backprop.engine;

import dev.backprop.preprocessing.TargetEncoder;
import dev.backprop.preprocessing.Task;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The figures of one epoch's history, kept to a few percent of the training cost: the training loss is the mean loss
 * of the epoch's batches (DL4J computes it for every step anyway); both accuracies come from one forward pass over
 * the two samples together, and so does a classifier's held-out loss ({@link HeldOutLoss}; DL4J's score otherwise).
 * A sample is every row of a part, or a fixed seeded {@link #rows} of them. On small networks each DL4J call costs
 * more than its arithmetic, so one call per epoch instead of three matters.
 */
final class EpochHistory {

    private final DataSet train;
    private final DataSet test;
    private final float[][] bothRows;
    private final boolean plainJvmPass;
    /** DL4J's input for {@link #bothRows}; only made when the network does not take the plain JVM pass. */
    private final INDArray bothFeatures;
    private final float[][] trainLabels;
    private final float[][] testLabels;
    private final TargetEncoder target;
    private final java.util.Optional<HeldOutLoss> heldOutLoss;

    EpochHistory(TrainingData data, TargetEncoder target, long seed, MultiLayerNetwork network) {
        int rows = rows(data.trainX().length);
        float[][][] trainSample = sample(data.trainX(), data.trainY(), rows, seed);
        float[][][] testSample = sample(data.testX(), data.testY(), rows, seed);
        this.train = new DataSet(Matrices.of(trainSample[0]), Matrices.of(trainSample[1]));
        this.test = new DataSet(Matrices.of(testSample[0]), Matrices.of(testSample[1]));
        this.bothRows = java.util.stream.Stream.concat(java.util.Arrays.stream(trainSample[0]),
                java.util.Arrays.stream(testSample[0])).toArray(float[][]::new);
        // A narrow network's outputs come from the plain JVM pass over its current weights: DL4J's per-operation
        // overhead made its forward pass cost Titanic's 24 → 64 → 64 → 1 a tenth of the training (2 ms an epoch, and
        // converting the answer back as much again). Wide networks keep DL4J's matrix products, which are faster there.
        this.plainJvmPass = DenseForwardPass.of(network)
                .filter(pass -> pass.multiplyAddsPerRow() < TrainedNetwork.WIDE_MULTIPLY_ADDS).isPresent();
        this.bothFeatures = plainJvmPass ? null : test.numExamples() == 0 ? train.getFeatures()
                : Nd4j.concat(0, train.getFeatures(), test.getFeatures());
        this.trainLabels = trainSample[1];
        this.testLabels = testSample[1];
        this.target = target;
        this.heldOutLoss = HeldOutLoss.of(network);
    }

    /**
     * Rows per part: a thirtieth of the training part, at least 256. Scoring both parts then costs about as much as 3%
     * of the epoch's steps (a step is a forward and a backward pass).
     */
    static int rows(int trainRows) {
        return Math.max(256, trainRows / 30);
    }

    EpochStats measure(MultiLayerNetwork network, int epoch, double batchLoss) {
        double trainLoss = Double.isNaN(batchLoss) ? network.score(train, false) : batchLoss;
        boolean multilabel = target.task() == Task.MULTILABEL;
        if (!target.task().isClassification() && !multilabel) {
            double testLoss = test.numExamples() > 0 ? network.score(test, false) : Double.NaN;
            return new EpochStats(epoch, trainLoss, testLoss, null, null);
        }
        float[][] outputs = plainJvmPass ? DenseForwardPass.of(network).orElseThrow().predict(bothRows)
                : Matrices.rows(network.output(bothFeatures, false));
        float[][] trainOutputs = java.util.Arrays.copyOfRange(outputs, 0, trainLabels.length);
        float[][] testOutputs = java.util.Arrays.copyOfRange(outputs, trainLabels.length, outputs.length);
        double testLoss = test.numExamples() == 0 ? Double.NaN
                : heldOutLoss.map(loss -> loss.score(network, testOutputs, testLabels))
                        .orElseGet(() -> network.score(test, false));
        return new EpochStats(epoch, trainLoss, testLoss, accuracy(trainOutputs, trainLabels, multilabel),
                testLabels.length > 0 ? accuracy(testOutputs, testLabels, multilabel) : null);
    }

    private double accuracy(float[][] outputs, float[][] labels, boolean multilabel) {
        return multilabel ? Outputs.labelAccuracy(outputs, labels)
                : Outputs.accuracy(outputs, labels, (float) target.decisionThreshold());
    }

    /** {@code {x, y}}: all rows when there are at most {@code rows}, else a fixed seeded sample of that many. */
    private static float[][][] sample(float[][] x, float[][] y, int rows, long seed) {
        if (x.length <= rows) {
            return new float[][][] {x, y};
        }
        int[] order = Trainer.shuffled(x.length, new java.util.Random(seed));
        float[][] sampleX = new float[rows][];
        float[][] sampleY = new float[rows][];
        for (int i = 0; i < rows; i++) {
            sampleX[i] = x[order[i]];
            sampleY[i] = y[order[i]];
        }
        return new float[][][] {sampleX, sampleY};
    }
}
