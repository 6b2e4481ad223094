package dev.backprop.engine;

/** The network after training, how many epochs ran, and whether the listener stopped it early. */
public record TrainingOutcome(TrainedNetwork network, int epochsRun, boolean stoppedEarly) {
}
