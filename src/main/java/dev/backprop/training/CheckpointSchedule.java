package dev.backprop.training;

/**
 * When a running job stores a checkpoint: every {@code checkpointEvery} epochs, but not sooner than
 * {@code checkpointMinInterval} after the previous one, nor sooner than 50 times what the previous one cost the
 * training thread (capturing it; the database write runs on the job's helper). Fast epochs (a small network on a
 * small table) thus pay at most 2% for checkpoints, slow ones get one every epoch.
 * A shutdown always gets one, so the re-queued job loses nothing.
 */
final class CheckpointSchedule {

    private static final int COST_FACTOR = 50;

    private final int every;
    private final long minIntervalNanos;
    private long lastWrittenAt;
    private long lastCostNanos;

    CheckpointSchedule(TrainingProperties properties, long startedAtNanos) {
        this.every = properties.checkpointEvery();
        this.minIntervalNanos = properties.checkpointMinInterval().toNanos();
        this.lastWrittenAt = startedAtNanos;
    }

    boolean due(int epoch, boolean shuttingDown, long nowNanos) {
        if (every <= 0) {
            return false;
        }
        if (shuttingDown) {
            return true;
        }
        long since = nowNanos - lastWrittenAt;
        return epoch % every == 0 && since >= minIntervalNanos && since >= COST_FACTOR * lastCostNanos;
    }

    void written(long costNanos, long nowNanos) {
        lastCostNanos = costNanos;
        lastWrittenAt = nowNanos;
    }
}
