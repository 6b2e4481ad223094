package dev.backprop.shared;

/** The request is well-formed but clashes with the current state (e.g. deleting a dataset a model needs). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
