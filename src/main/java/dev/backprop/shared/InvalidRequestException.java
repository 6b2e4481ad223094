package dev.backprop.shared;

import java.util.List;

/** The caller sent something we cannot use; every problem found is listed so it can be fixed in one go. */
public class InvalidRequestException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidRequestException(String summary, List<Violation> violations) {
        super(summary);
        this.violations = List.copyOf(violations);
    }

    public InvalidRequestException(String path, String message) {
        this(message, List.of(new Violation(path, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
