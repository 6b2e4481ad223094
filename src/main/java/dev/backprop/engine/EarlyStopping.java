package dev.backprop.engine;

import dev.backprop.model.NetworkDesign;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Watches one value per epoch; says stop after {@code patience} epochs without an improvement larger than
 * {@code minDelta}, and remembers the best epoch's weights so they can be put back.
 */
final class EarlyStopping {

    private final NetworkDesign.EarlyStop settings;
    private double best = Double.NaN;
    private int bestEpoch;
    private INDArray bestParameters;
    private int sinceBest;

    EarlyStopping(NetworkDesign.EarlyStop settings) {
        this.settings = settings;
    }

    boolean shouldStop(EpochStats stats, MultiLayerNetwork network) {
        double value = switch (settings.monitor()) {
            case "test_accuracy" -> stats.testAccuracy();
            case "train_loss" -> stats.trainLoss();
            default -> stats.testLoss();
        };
        double improvement = Double.isNaN(best) ? Double.POSITIVE_INFINITY
                : settings.higherIsBetter() ? value - best : best - value;
        if (improvement > settings.minDelta()) {
            best = value;
            bestEpoch = stats.epoch();
            sinceBest = 0;
            if (settings.restoreBestWeights()) {
                bestParameters = network.params().dup();
            }
            return false;
        }
        sinceBest++;
        return sinceBest >= settings.patience();
    }

    /** What a checkpoint keeps so that a resumed run stops where an uninterrupted one would. */
    record State(double best, int bestEpoch, int sinceBest, INDArray bestParameters) {
    }

    State state() {
        return new State(best, bestEpoch, sinceBest, bestParameters);
    }

    void restoreState(State state) {
        best = state.best();
        bestEpoch = state.bestEpoch();
        sinceBest = state.sinceBest();
        bestParameters = state.bestParameters();
    }

    /** Puts the best weights back when asked to; returns the epoch whose weights the network now has. */
    int restore(MultiLayerNetwork network, int lastEpoch) {
        if (settings.restoreBestWeights() && bestParameters != null && bestEpoch != lastEpoch) {
            network.setParams(bestParameters);
            return bestEpoch;
        }
        return lastEpoch;
    }
}
