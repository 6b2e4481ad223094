package dev.backprop.shared;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/** Waiting for work handed to another thread. */
public final class Futures {

    private Futures() {
    }

    /**
     * The result, or the failure rethrown as the other thread threw it rather than wrapped: a job's failure handling
     * tells a refused input from an engine failure by the exception's type.
     */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * {@code here} on the calling thread and {@code onHelper} on {@code helper} at once; their results in that order.
     * When the helper has not started its part by the time this thread is done (it is busy with another job's work),
     * this thread does that part too, so a busy helper never costs more than doing both parts here; so does a helper
     * that refuses work. Failures are rethrown as {@link #join} does.
     */
    public static <T> List<T> both(Supplier<T> here, Supplier<T> onHelper, Executor helper) {
        FutureTask<T> theirs = new FutureTask<>(onHelper::get);
        try {
            helper.execute(theirs);
        } catch (RejectedExecutionException e) {
            // A helper pool that is shutting down (the service stopping mid-job): this thread does both parts.
        }
        T mine = here.get();
        // Runs the part here unless the helper has begun it (a FutureTask runs once); get() then waits for it.
        theirs.run();
        try {
            return List.of(mine, theirs.get());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a helper thread", e);
        }
    }
}
