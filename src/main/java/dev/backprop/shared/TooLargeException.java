package dev.backprop.shared;

/** A request exceeds a configured limit; the message names the limit and its value. */
public class TooLargeException extends RuntimeException {

    public TooLargeException(String message) {
        super(message);
    }
}
