package dev.backprop.engine;

import java.util.function.Supplier;

/**
 * An {@link EpochListener} that may also take a checkpoint of the epoch that just ended. The supplier is null when
 * no checkpoint would be of use (training ends with this epoch); calling it serialises the network, so call it only
 * when the checkpoint will be stored.
 */
@FunctionalInterface
public interface CheckpointingListener {

    boolean onEpoch(EpochStats stats, Supplier<Checkpoint> checkpoint);
}
