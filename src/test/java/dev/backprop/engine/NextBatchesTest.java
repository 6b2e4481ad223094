package dev.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class NextBatchesTest {

    /** Records which thread built which epoch; each epoch's "batches" name it. */
    private final Map<Integer, String> builtBy = new ConcurrentHashMap<>();
    private final List<Runnable> queued = new ArrayList<>();

    private List<DataSet> build(int epoch) {
        String previous = builtBy.put(epoch, Thread.currentThread().getName());
        assertThat(previous).as("epoch %d built twice", epoch).isNull();
        return List.of(new DataSet(Nd4j.scalar((float) epoch), Nd4j.scalar(0f)));
    }

    private static float epochOf(List<DataSet> batches) {
        return batches.get(0).getFeatures().getFloat(0);
    }

    @Test
    void batchesTheHelperBuiltAheadAreTakenAndTheNextEpochsAreQueued() {
        NextBatches batches = new NextBatches(this::build, 1, 3, queued::add);
        assertThat(queued).hasSize(1);
        runQueuedOn("helper");

        assertThat(epochOf(batches.take(1))).isEqualTo(1f);
        assertThat(builtBy).containsEntry(1, "helper");
        assertThat(queued).as("epoch 2 queued").hasSize(1);
        runQueuedOn("helper");
        assertThat(epochOf(batches.take(2))).isEqualTo(2f);
        runQueuedOn("helper");
        assertThat(epochOf(batches.take(3))).isEqualTo(3f);
        assertThat(queued).as("nothing after the last epoch").isEmpty();
        assertThat(builtBy).containsOnlyKeys(1, 2, 3).containsValue("helper").doesNotContainValue(Thread.currentThread().getName());
    }

    @Test
    void batchesTheHelperHasNotStartedAreBuiltByTheTrainingThreadAndNeverByTheHelper() {
        NextBatches batches = new NextBatches(this::build, 1, 2, queued::add);

        assertThat(epochOf(batches.take(1))).isEqualTo(1f);
        assertThat(builtBy).containsEntry(1, Thread.currentThread().getName());
        runQueuedOn("helper");
        assertThat(builtBy).as("the late turn for epoch 1 did nothing; epoch 2 was built").containsOnlyKeys(1, 2)
                .containsEntry(1, Thread.currentThread().getName()).containsEntry(2, "helper");
    }

    @Test
    void afterCancelTheHelpersQueuedTurnBuildsNothing() {
        NextBatches batches = new NextBatches(this::build, 1, 5, queued::add);
        runQueuedOn("helper");
        batches.take(1);
        batches.cancel();
        runQueuedOn("helper");
        assertThat(builtBy).containsOnlyKeys(1);
    }

    @Test
    void aFailureOnTheHelperIsThrownByTheTrainingThreadsOwnAttempt() {
        int[] attempts = {0};
        NextBatches batches = new NextBatches(epoch -> {
            attempts[0]++;
            throw new IllegalStateException("attempt " + attempts[0]);
        }, 1, 2, queued::add);
        runQueuedOn("helper");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> batches.take(1))
                .isInstanceOf(IllegalStateException.class).hasMessage("attempt 2");
    }

    @Test
    void withoutAHelperEveryEpochIsBuiltWhenTaken() {
        NextBatches batches = new NextBatches(this::build, 2, 3, null);
        assertThat(builtBy).isEmpty();
        assertThat(epochOf(batches.take(2))).isEqualTo(2f);
        assertThat(builtBy).containsOnlyKeys(2);
    }

    private void runQueuedOn(String name) {
        List<Runnable> tasks = new ArrayList<>(queued);
        queued.clear();
        for (Runnable task : tasks) {
            Thread thread = new Thread(task, name);
            thread.start();
            try {
                thread.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
