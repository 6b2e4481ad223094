package dev.backprop.engine;

/** Hears about every finished epoch; answering {@code false} stops training after that epoch. */
@FunctionalInterface
public interface EpochListener {

    boolean onEpoch(EpochStats stats);
}
