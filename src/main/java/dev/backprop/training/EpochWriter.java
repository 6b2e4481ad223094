package dev.backprop.training;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

import dev.backprop.engine.EpochStats;
import dev.backprop.shared.Futures;

/**
 * Writes one job's epochs to the database at most every {@value #INTERVAL_MILLIS} ms, the rest when flushed: a
 * transaction per epoch cost a small network more than its epochs (100 Titanic epochs take about a second).
 * An epoch with a checkpoint is written at once, together with the epochs before it, so the checkpoint and the
 * recorded history always agree.
 *
 * <p>The writes run on the job's helper thread, one at a time and in order (each waits for the one before), so the
 * training thread does not wait on the database: an epoch record took a few milliseconds of it and a checkpoint of
 * MNIST's size tens. A write the helper has not begun when the next one is due is done by the training thread. A
 * cancel read from the database is therefore acted on one write later than the write that read it; a cancel told to
 * this process ({@code cancelledHere}) at the next epoch.
 */
final class EpochWriter {

    static final long INTERVAL_MILLIS = 200;

    private final JobLedger ledger;
    private final long jobId;
    private final Executor helper;
    private final BooleanSupplier cancelledHere;
    private final List<EpochStats> pending = new ArrayList<>();
    private long lastWrite = System.nanoTime();
    private Futures.Handed<Boolean> writing;
    private boolean goOn = true;

    /**
     * {@code helper}: where the writes run ({@code Runnable::run} writes on the calling thread); {@code cancelledHere}:
     * whether a cancel of the job reached this process.
     */
    EpochWriter(JobLedger ledger, long jobId, Executor helper, BooleanSupplier cancelledHere) {
        this.ledger = ledger;
        this.jobId = jobId;
        this.helper = helper;
        this.cancelledHere = cancelledHere;
    }

    /**
     * Keeps the epoch, writing it with the others when it is time or when it comes with a checkpoint (taken after
     * it); answers whether the job should go on: no cancel reached this process, and none was read by the writes
     * finished so far.
     */
    boolean record(EpochStats stats, byte[] checkpoint) {
        pending.add(stats);
        if (checkpoint != null || System.nanoTime() - lastWrite >= INTERVAL_MILLIS * 1_000_000) {
            write(checkpoint);
        }
        return goOn && !cancelledHere.getAsBoolean();
    }

    /** Writes whatever is pending and waits until every write has landed; a failed write is thrown here. */
    void flush() {
        write(null);
        finishWriting();
    }

    private void write(byte[] checkpoint) {
        finishWriting();
        if (!pending.isEmpty()) {
            List<EpochStats> epochs = List.copyOf(pending);
            pending.clear();
            writing = Futures.handOff(() -> ledger.recordEpochs(jobId, epochs, checkpoint), helper);
        }
        lastWrite = System.nanoTime();
    }

    /** Waits for the write in flight, if any: the next one must not overtake it. */
    private void finishWriting() {
        if (writing != null) {
            Futures.Handed<Boolean> previous = writing;
            writing = null;
            goOn &= previous.join();
        }
    }
}
