package dev.backprop.engine;

import java.util.List;

import dev.backprop.model.NetworkDesign;
import dev.backprop.preprocessing.TargetEncoder;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.springframework.stereotype.Component;

/**
 * Trains a network epoch by epoch: shuffle the training part (seeded), fit it in mini-batches, then measure loss
 * and accuracy on both parts and tell the listener.
 */
@Component
public class Trainer {

    public TrainingOutcome train(NetworkDesign design, TrainingData data, TargetEncoder target, EpochListener listener) {
        Nd4j.getRandom().setSeed(design.seed());
        MultiLayerNetwork network = NetworkFactory.build(design);
        DataSet train = new DataSet(Nd4j.create(data.trainX()), Nd4j.create(data.trainY()));
        DataSet test = new DataSet(Nd4j.create(data.testX()), Nd4j.create(data.testY()));
        int batchSize = Math.min(design.batchSize(), data.trainX().length);
        for (int epoch = 1; epoch <= design.epochs(); epoch++) {
            train.shuffle(design.seed() + epoch);
            List<DataSet> batches = train.batchBy(batchSize);
            network.fit(new ListDataSetIterator<>(batches, batchSize));
            EpochStats stats = measure(network, epoch, train, test, target);
            if (!Double.isFinite(stats.trainLoss())) {
                throw new TrainingDivergedException("The training loss became " + stats.trainLoss() + " in epoch " + epoch
                        + ": training diverged. Lower the learning rate (now " + design.learningRate()
                        + "), scale the inputs, or add L2 regularisation.");
            }
            if (!listener.onEpoch(stats)) {
                return new TrainingOutcome(new TrainedNetwork(network), epoch, true);
            }
        }
        return new TrainingOutcome(new TrainedNetwork(network), design.epochs(), false);
    }

    private static EpochStats measure(MultiLayerNetwork network, int epoch, DataSet train, DataSet test, TargetEncoder target) {
        double trainLoss = network.score(train, false);
        double testLoss = test.numExamples() > 0 ? network.score(test, false) : Double.NaN;
        Double trainAccuracy = null;
        Double testAccuracy = null;
        if (target.task().isClassification()) {
            trainAccuracy = accuracy(network, train);
            testAccuracy = test.numExamples() > 0 ? accuracy(network, test) : null;
        }
        return new EpochStats(epoch, trainLoss, testLoss, trainAccuracy, testAccuracy);
    }

    private static double accuracy(MultiLayerNetwork network, DataSet data) {
        return Outputs.accuracy(network.output(data.getFeatures(), false).toFloatMatrix(), data.getLabels().toFloatMatrix());
    }
}
