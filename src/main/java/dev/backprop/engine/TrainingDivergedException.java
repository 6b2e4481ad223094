package dev.backprop.engine;

/** The loss stopped being a finite number: training cannot recover from that. */
public class TrainingDivergedException extends RuntimeException {

    public TrainingDivergedException(String message) {
        super(message);
    }
}
