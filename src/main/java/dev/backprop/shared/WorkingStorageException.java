package dev.backprop.shared;

/**
 * The server could not write a working file of its own (an upload's snapshot in the temporary directory): a full or
 * failing disk on our side, not anything wrong with the request.
 */
public class WorkingStorageException extends RuntimeException {

    public WorkingStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
