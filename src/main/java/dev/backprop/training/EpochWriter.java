package dev.backprop.training;

import java.util.ArrayList;
import java.util.List;

import dev.backprop.engine.EpochStats;

/**
 * Writes one job's epochs to the database at most every {@value #INTERVAL_MILLIS} ms, the rest when flushed: a
 * transaction per epoch cost a small network more than its epochs (100 Titanic epochs take about a second).
 * A cancel request is seen at the next write. An epoch with a checkpoint is written at once, together with the
 * epochs before it, so the checkpoint and the recorded history always agree.
 */
final class EpochWriter {

    static final long INTERVAL_MILLIS = 200;

    private final JobLedger ledger;
    private final long jobId;
    private final List<EpochStats> pending = new ArrayList<>();
    private long lastWrite = System.nanoTime();
    private boolean goOn = true;

    EpochWriter(JobLedger ledger, long jobId) {
        this.ledger = ledger;
        this.jobId = jobId;
    }

    /**
     * Keeps the epoch, writing it with the others when it is time or when it comes with a checkpoint (taken after
     * it); answers whether the job should go on.
     */
    boolean record(EpochStats stats, byte[] checkpoint) {
        pending.add(stats);
        if (checkpoint != null || System.nanoTime() - lastWrite >= INTERVAL_MILLIS * 1_000_000) {
            write(checkpoint);
        }
        return goOn;
    }

    /** Writes whatever is pending. */
    void flush() {
        write(null);
    }

    private void write(byte[] checkpoint) {
        if (!pending.isEmpty()) {
            goOn = ledger.recordEpochs(jobId, List.copyOf(pending), checkpoint);
            pending.clear();
        }
        lastWrite = System.nanoTime();
    }
}
