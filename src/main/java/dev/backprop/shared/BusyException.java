package dev.backprop.shared;

import java.time.Duration;

/** We are at capacity (e.g. the training queue is full); the caller should retry later. */
public class BusyException extends RuntimeException {

    private final Duration retryAfter;

    public BusyException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
