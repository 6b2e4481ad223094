package dev.backprop.shared;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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
}
