package dev.backprop.engine;

/**
 * The network after training and how many epochs ran. {@code stoppedEarly}: the listener stopped it (a cancel or a
 * shutdown). {@code earlyStopped}: early stopping ended it; {@code keptEpoch} is the epoch whose weights the network
 * has (the best one when best weights were restored, else the last).
 */
public record TrainingOutcome(TrainedNetwork network, int epochsRun, boolean stoppedEarly, boolean earlyStopped,
        int keptEpoch) {

    public TrainingOutcome(TrainedNetwork network, int epochsRun, boolean stoppedEarly) {
        this(network, epochsRun, stoppedEarly, false, epochsRun);
    }
}
