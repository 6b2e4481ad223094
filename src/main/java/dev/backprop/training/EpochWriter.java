package dev.backprop.training;

import java.util.ArrayList;
import java.util.List;

import dev.backprop.engine.EpochStats;

/**
 * Writes one job's epochs to the database at most every {@value #INTERVAL_MILLIS} ms, the rest when flushed: a
 * transaction per epoch cost a small network more than its epochs (100 Titanic epochs take about a second).
 * A cancel request is seen at the next write.
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

    /** Keeps the epoch, writing it with the others when it is time; answers whether the job should go on. */
    boolean record(EpochStats stats) {
        pending.add(stats);
        if (System.nanoTime() - lastWrite >= INTERVAL_MILLIS * 1_000_000) {
            flush();
        }
        return goOn;
    }

    /** Writes whatever is pending. */
    void flush() {
        if (!pending.isEmpty()) {
            goOn = ledger.recordEpochs(jobId, List.copyOf(pending));
            pending.clear();
        }
        lastWrite = System.nanoTime();
    }
}
