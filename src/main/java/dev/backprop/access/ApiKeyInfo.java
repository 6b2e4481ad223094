package dev.backprop.access;

import java.time.Instant;

/** What may be shown about a key: never the key itself. */
public record ApiKeyInfo(long id, String name, Role role, String prefix, Instant createdAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
