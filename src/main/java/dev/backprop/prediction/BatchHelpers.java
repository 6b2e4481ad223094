package dev.backprop.prediction;

import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

/**
 * Threads that predict one chunk of a large batch while the request's own thread reads the next, so a lone large
 * request uses a second core. Never queued: a chunk that finds every helper busy (other large requests have them) runs
 * on the request's thread, as it would with no helpers, so a request never waits for another's work.
 * {@code backprop.prediction.batch-helper-threads}, by default one fewer than the cores; 0 turns them off.
 */
@Component
public class BatchHelpers {

    private final ThreadPoolExecutor threads;

    public BatchHelpers(PredictionProperties properties) {
        AtomicInteger number = new AtomicInteger();
        int count = properties.batchHelperThreads();
        this.threads = count == 0 ? null : new ThreadPoolExecutor(count, count, 1, TimeUnit.MINUTES, new SynchronousQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "prediction-helper-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        if (threads != null) {
            threads.allowCoreThreadTimeOut(true);
        }
    }

    /** Runs a chunk on a free helper, or on the calling thread when none is free (or there are none). */
    public Executor executor() {
        return threads == null ? Runnable::run : threads;
    }

    @PreDestroy
    void stop() {
        if (threads != null) {
            threads.shutdownNow();
        }
    }
}
