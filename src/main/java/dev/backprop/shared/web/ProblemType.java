package dev.backprop.shared.web;

import java.net.URI;

/** The stable problem {@code type} URIs clients can switch on; listed in the README. */
public enum ProblemType {
    INVALID_REQUEST("invalid-request", "Invalid request"),
    MALFORMED_BODY("malformed-body", "Malformed request body"),
    UNAUTHORIZED("unauthorized", "API key missing or not valid"),
    FORBIDDEN("forbidden", "Not allowed for this key's role"),
    NOT_FOUND("not-found", "Not found"),
    CONFLICT("conflict", "Conflict"),
    TOO_LARGE("too-large", "Request too large"),
    BUSY("busy", "Service busy"),
    STORAGE_FULL("storage-full", "Server storage full"),
    UNSUPPORTED("unsupported", "Unsupported request"),
    INTERNAL("internal", "Internal error");

    private final String slug;
    private final String title;

    ProblemType(String slug, String title) {
        this.slug = slug;
        this.title = title;
    }

    public URI uri() {
        return URI.create("https://backprop.dev/problems/" + slug);
    }

    public String title() {
        return title;
    }

    static ProblemType forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 409 -> CONFLICT;
            case 413 -> TOO_LARGE;
            case 503 -> BUSY;
            case 400 -> INVALID_REQUEST;
            default -> status >= 500 ? INTERNAL : UNSUPPORTED;
        };
    }
}
