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
            rethrowUnchecked(e.getCause());
            throw e;
        }
    }

    /** Throws {@code cause} as it is when it is unchecked; returns otherwise, for the caller to wrap it. */
    private static void rethrowUnchecked(Throwable cause) {
        if (cause instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        if (cause instanceof Error error) {
            throw error;
        }
    }

    /**
     * {@code here} on the calling thread and {@code onHelper} on {@code helper} at once; their results in that order.
     * When the helper has not started its part by the time this thread is done (it is busy with another job's work),
     * this thread does that part too, so a busy helper never costs more than doing both parts here; so does a helper
     * that refuses work. Failures are rethrown as {@link #join} does.
     */
    public static <T> List<T> both(Supplier<T> here, Supplier<T> onHelper, Executor helper) {
        Handed<T> theirs = handOff(onHelper, helper);
        T mine = here.get();
        return List.of(mine, theirs.join());
    }

    /**
     * {@code work} handed to {@code helper}, to be {@linkplain Handed#join() joined} later. Work the helper has not
     * begun by then (it is busy, or it refused the work because it is shutting down) is done by the joining thread, so
     * handed-off work is never lost and never waits on a helper that is not coming.
     */
    public static <T> Handed<T> handOff(Supplier<T> work, Executor helper) {
        FutureTask<T> task = new FutureTask<>(work::get);
        try {
            helper.execute(task);
        } catch (RejectedExecutionException e) {
            // Done at the join, on the joining thread.
        }
        return new Handed<>(task);
    }

    /** Work handed to a helper thread. */
    public static final class Handed<T> {

        private final FutureTask<T> task;

        private Handed(FutureTask<T> task) {
            this.task = task;
        }

        /** Its result, once done (here, when the helper has not begun it); failures rethrown as {@link #join} does. */
        public T join() {
            // A FutureTask runs once: this runs it unless the helper has begun it, and get() then waits for the helper.
            task.run();
            try {
                return task.get();
            } catch (ExecutionException e) {
                rethrowUnchecked(e.getCause());
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for a helper thread", e);
            }
        }
    }
}
