package dev.backprop.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.backprop.engine.EpochStats;
import org.junit.jupiter.api.AfterEach;
import dev.backprop.support.Latches;
import org.junit.jupiter.api.Test;

class EpochWriterTest {

    private static final long JOB = 7;

    private final ExecutorService helper = Executors.newSingleThreadExecutor(task -> new Thread(task, "helper"));
    private final JobLedger ledger = mock(JobLedger.class);
    /** Each write as the ledger saw it: its thread, its epochs, whether it carried a checkpoint. */
    private final List<String> writes = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        helper.shutdownNow();
    }

    @Test
    void theTrainingThreadDoesNotWaitForAWriteAndFlushWaitsForEveryWrite() throws InterruptedException {
        CountDownLatch began = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        answerWrites(() -> {
            began.countDown();
            Latches.await(release, "never released");
            return true;
        });
        EpochWriter writer = new EpochWriter(ledger, JOB, helper, () -> false);

        assertThat(writer.record(epoch(1), new byte[] {1})).isTrue();
        assertThat(began.await(10, TimeUnit.SECONDS)).isTrue();
        // The write is still held in the database and the epoch's record has already returned.
        assertThat(writes).isEmpty();
        assertThat(writer.record(epoch(2), null)).isTrue();
        release.countDown();
        writer.flush();

        // The last write may be done by the flushing thread itself, when it gets there before the helper.
        assertThat(writes).hasSize(2);
        assertThat(writes.get(0)).isEqualTo("helper [1] checkpoint");
        assertThat(writes.get(1)).endsWith(" [2]");
    }

    @Test
    void writesLandOneAtATimeInTheirOrderEvenWithHelpersToSpare() {
        java.util.Random random = new java.util.Random(1);
        answerWrites(() -> {
            sleep(random.nextInt(6));
            return true;
        });
        ExecutorService twoHelpers = Executors.newFixedThreadPool(2);
        EpochWriter writer = new EpochWriter(ledger, JOB, twoHelpers, () -> false);

        for (int epoch = 1; epoch <= 20; epoch++) {
            writer.record(epoch(epoch), epoch % 2 == 0 ? new byte[] {2} : null);
        }
        writer.flush();
        twoHelpers.shutdown();

        // Every epoch once, in order: no write overtook the one before it.
        List<String> epochs = writes.stream().map(write -> write.replaceAll("^\\S+ |\\[|\\]| checkpoint", "")).toList();
        assertThat(String.join(", ", epochs)).isEqualTo(
                "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20");
        assertThat(writes).hasSize(10).allMatch(write -> write.endsWith("] checkpoint"));
    }

    @Test
    void aCancelReadByOneWriteStopsTheJobAtTheNext() {
        answerWrites(() -> false);
        EpochWriter writer = new EpochWriter(ledger, JOB, helper, () -> false);

        assertThat(writer.record(epoch(1), new byte[] {1})).isTrue();
        assertThat(writer.record(epoch(2), new byte[] {1})).isFalse();
    }

    @Test
    void aCancelToldToThisProcessStopsTheJobAtItsNextEpochBeforeAnyWriteReadsIt() {
        answerWrites(() -> true);
        java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        EpochWriter writer = new EpochWriter(ledger, JOB, helper, cancelled::get);

        assertThat(writer.record(epoch(1), null)).isTrue();
        cancelled.set(true);
        assertThat(writer.record(epoch(2), null)).isFalse();
        writer.flush();

        // Both epochs were still written; the database, which answers "go on", was not what stopped the job.
        assertThat(writes).hasSize(1);
        assertThat(writes.get(0)).endsWith(" [1, 2]");
    }

    @Test
    void aWriteTheHelperNeverBeginsIsDoneByTheTrainingThread() {
        answerWrites(() -> true);
        EpochWriter writer = new EpochWriter(ledger, JOB, task -> {
            // A helper that takes the work and never runs it, as a pool stopped with shutdownNow() does.
        }, () -> false);

        writer.record(epoch(1), new byte[] {1});
        writer.record(epoch(2), null);
        writer.flush();

        String here = Thread.currentThread().getName();
        assertThat(writes).containsExactly(here + " [1] checkpoint", here + " [2]");
    }

    @Test
    void aFailedWriteIsThrownOnTheTrainingThread() {
        IllegalStateException failure = new IllegalStateException("database gone");
        answerWrites(() -> {
            throw failure;
        });
        EpochWriter writer = new EpochWriter(ledger, JOB, helper, () -> false);

        writer.record(epoch(1), new byte[] {1});

        assertThatThrownBy(writer::flush).isSameAs(failure);
    }

    private void answerWrites(java.util.function.BooleanSupplier answer) {
        when(ledger.recordEpochs(eq(JOB), anyList(), any())).thenAnswer(call -> {
            List<EpochStats> epochs = call.getArgument(1);
            boolean goOn = answer.getAsBoolean();
            writes.add(Thread.currentThread().getName() + " " + epochs.stream().map(EpochStats::epoch).toList()
                    + (call.getArgument(2) == null ? "" : " checkpoint"));
            return goOn;
        });
    }

    private static EpochStats epoch(int epoch) {
        return new EpochStats(epoch, 0.5, 0.6, null, null);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
