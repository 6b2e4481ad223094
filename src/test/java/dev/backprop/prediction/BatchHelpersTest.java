package dev.backprop.prediction;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchHelpersTest {

    @Test
    @Timeout(30)
    void aChunkRunsOnTheRequestsThreadWhenEveryHelperIsBusyOrThereAreNone() throws Exception {
        var none = new BatchHelpers(new PredictionProperties(null, null, null, 0));
        Thread caller = Thread.currentThread();
        Thread[] ranOn = new Thread[1];
        none.executor().execute(() -> ranOn[0] = Thread.currentThread());
        assertThat(ranOn[0]).isSameAs(caller);

        var one = new BatchHelpers(new PredictionProperties(null, null, null, 1));
        CountDownLatch done = new CountDownLatch(1);
        one.executor().execute(() -> {
            ranOn[0] = Thread.currentThread();
            done.countDown();
        });
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ranOn[0].getName()).as("a free helper takes it").isEqualTo("prediction-helper-1");

        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        Runnable occupy = () -> {
            if (Thread.currentThread() == caller) {
                // A helper that has just finished a task takes a moment to be ready for the next: that one ran here.
                return;
            }
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        do {
            one.executor().execute(occupy);
        } while (!started.await(100, TimeUnit.MILLISECONDS));
        one.executor().execute(() -> ranOn[0] = Thread.currentThread());
        assertThat(ranOn[0]).as("the only helper is busy: the caller runs it, no queue").isSameAs(caller);
        release.countDown();
        one.stop();
    }

    @Test
    void aNegativeCountIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new PredictionProperties(null, null, null, -1))
                .hasMessageContaining("backprop.prediction.batch-helper-threads must be 0 or more");
    }

    @Test
    void byDefaultEveryCoreButOneHelps() {
        assertThat(new PredictionProperties(null, null, null, null).batchHelperThreads())
                .isEqualTo(Runtime.getRuntime().availableProcessors() - 1);
    }
}
