package dev.backprop.shared;

/** The named thing does not exist (or no longer does). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " does not exist");
    }
}
