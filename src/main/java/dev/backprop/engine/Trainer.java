package dev.backprop.engine;

import java.util.ArrayList;
import java.util.List;

import dev.backprop.model.NetworkDesign;
import dev.backprop.preprocessing.TargetEncoder;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.springframework.stereotype.Component;

/**
 * Trains a network epoch by epoch: shuffle the training part (seeded), fit it in batches, measure loss and
 * accuracy on both parts, tell the listener, and stop early when asked to.
 *
 * <p>The per-epoch history ({@link EpochHistory}) is kept to a few percent of the training cost, so a job is about as
 * fast as a bare DL4J loop. The final metrics of a version ({@link Evaluator}) always use every row.
 */
@Component
public class Trainer {

    public TrainingOutcome train(NetworkDesign design, TrainingData data, TargetEncoder target, EpochListener listener) {
        return train(design, data, target, null, (stats, checkpoint) -> listener.onEpoch(stats));
    }

    /** Trains from scratch, or after {@code resumeFrom}'s epoch when one is given (same design and data). */
    public TrainingOutcome train(NetworkDesign design, TrainingData data, TargetEncoder target, Checkpoint resumeFrom,
            CheckpointingListener listener) {
        return train(design, data, target, resumeFrom, listener, null);
    }

    /**
     * As {@link #train(NetworkDesign, TrainingData, TargetEncoder, Checkpoint, CheckpointingListener)}, with each
     * epoch's batches built on {@code helper} while the epoch before trains (see {@link NextBatches}); null: on this thread.
     */
    public TrainingOutcome train(NetworkDesign design, TrainingData data, TargetEncoder target, Checkpoint resumeFrom,
            CheckpointingListener listener, java.util.concurrent.Executor helper) {
        Nd4j.getRandom().setSeed(design.seed());
        NetworkDesign.EarlyStop earlyStop = design.training().earlyStopping();
        Checkpoint.Resumed resumed = resumeFrom == null
                ? new Checkpoint.Resumed(NetworkFactory.build(design), earlyStop == null ? null : new EarlyStopping(earlyStop))
                : resumeFrom.resume(earlyStop);
        MultiLayerNetwork network = resumed.network();
        EarlyStopping stopping = resumed.stopping();
        EpochHistory history = new EpochHistory(data, target, design.seed(), network);
        BatchLosses losses = new BatchLosses();
        network.addListeners(losses);
        int first = resumeFrom == null ? 1 : resumeFrom.epoch() + 1;
        NextBatches batches = new NextBatches(new Batches(data, design, target)::forEpoch, first, design.epochs(), helper);
        for (int epoch = first; epoch <= design.epochs(); epoch++) {
            List<DataSet> epochBatches = batches.take(epoch);
            // One list element per step: the iterator's second argument counts list elements, not rows.
            losses.reset();
            network.fit(new ListDataSetIterator<>(epochBatches, 1));
            EpochStats stats = history.measure(network, epoch, losses.mean());
            if (!Double.isFinite(stats.trainLoss())) {
                throw new TrainingDivergedException("The training loss became " + stats.trainLoss() + " in epoch " + epoch
                        + ": training diverged. Lower the learning rate (now " + design.learningRate()
                        + "), scale the inputs, or add L2 regularisation.");
            }
            // Early stopping looks at the epoch before any checkpoint is taken, so a checkpoint includes its verdict.
            boolean stop = stopping != null && stopping.shouldStop(stats, network);
            int done = epoch;
            boolean goOn = listener.onEpoch(stats, stop || epoch == design.epochs() ? null
                    : () -> Checkpoint.capture(network, done, stopping));
            if (!goOn) {
                batches.cancel();
                return new TrainingOutcome(new TrainedNetwork(network), epoch, true);
            }
            if (stop) {
                batches.cancel();
                int kept = stopping.restore(network, epoch);
                return new TrainingOutcome(new TrainedNetwork(network), epoch, false, true, kept);
            }
        }
        int kept = stopping == null ? design.epochs() : stopping.restore(network, design.epochs());
        return new TrainingOutcome(new TrainedNetwork(network), design.epochs(), false, false, kept);
    }

    /** 0 … n−1 in a seeded random order. */
    static int[] shuffled(int n, java.util.Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /** The mean of the scores DL4J computed for the steps of one epoch (NaN before the first step). */
    private static final class BatchLosses extends BaseTrainingListener {

        private double sum;
        private int count;

        void reset() {
            sum = 0;
            count = 0;
        }

        double mean() {
            return count == 0 ? Double.NaN : sum / count;
        }

        @Override
        public void iterationDone(Model model, int iteration, int epoch) {
            sum += model.score();
            count++;
        }
    }

    /**
     * The training part cut into batches, reshuffled every epoch with a seed of its own. With class weights every
     * row carries its class's weight as a label mask, which DL4J multiplies into that row's loss.
     */
    private static final class Batches {

        private final float[][] x;
        private final float[][] y;
        private final float[] weights;
        private final int size;
        private final long seed;

        Batches(TrainingData data, NetworkDesign design, TargetEncoder target) {
            this.x = data.trainX();
            this.y = data.trainY();
            this.size = design.batchSize() <= 0 ? x.length : Math.min(design.batchSize(), x.length);
            this.seed = design.seed();
            double[] classWeights = design.training().classWeights();
            if (classWeights == null) {
                this.weights = null;
            } else {
                this.weights = new float[y.length];
                for (int i = 0; i < y.length; i++) {
                    weights[i] = (float) classWeights[Evaluator.trueClass(y[i], target)];
                }
            }
        }

        List<DataSet> forEpoch(int epoch) {
            int[] order = Trainer.shuffled(x.length, new java.util.Random(seed + epoch));
            List<DataSet> batches = new ArrayList<>();
            // One staging array per batch size for the epoch, copied into each batch's native buffer: a new
            // float[][] per batch (flattened by Nd4j.create) was the training's largest garbage (MNIST: 150 MB a job),
            // and the young collections it caused copied the job's live data again and again.
            float[] features = null;
            float[] labels = null;
            for (int from = 0; from < order.length; from += size) {
                int to = Math.min(from + size, order.length);
                int rows = to - from;
                features = gather(x, order, from, to, features);
                labels = gather(y, order, from, to, labels);
                INDArray labelMask = null;
                if (weights != null) {
                    float[] mask = new float[rows];
                    for (int i = from; i < to; i++) {
                        mask[i - from] = weights[order[i]];
                    }
                    labelMask = Matrices.of(mask, rows, 1);
                }
                batches.add(new DataSet(Matrices.of(features, rows, x[0].length), Matrices.of(labels, rows, y[0].length),
                        null, labelMask));
            }
            return batches;
        }

        /** Rows {@code order[from..to)} of {@code source}, one after another, in {@code reuse} when it fits exactly. */
        private static float[] gather(float[][] source, int[] order, int from, int to, float[] reuse) {
            int width = source[0].length;
            float[] flat = reuse != null && reuse.length == (to - from) * width ? reuse : new float[(to - from) * width];
            for (int i = from; i < to; i++) {
                System.arraycopy(source[order[i]], 0, flat, (i - from) * width, width);
            }
            return flat;
        }
    }
}
