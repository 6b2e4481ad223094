package dev.backprop.support;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Waiting in tests for another thread to reach a point. */
public final class Latches {

    private Latches() {
    }

    /** Waits for {@code latch} to open, at most 10 s; {@code what} names what never happened when it does not. */
    public static void await(CountDownLatch latch, String what) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException(what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
