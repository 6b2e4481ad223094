package dev.backprop.access;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A key's identity and role; the key itself is never stored, only its SHA-256. */
@Entity
@Table(name = "api_key")
class ApiKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    @Enumerated(EnumType.STRING)
    private Role role;

    private String prefix;

    private String keySha256;

    private Instant createdAt;

    private Instant revokedAt;

    protected ApiKey() {
    }

    ApiKey(String name, Role role, String prefix, String keySha256, Instant createdAt) {
        this.name = name;
        this.role = role;
        this.prefix = prefix;
        this.keySha256 = keySha256;
        this.createdAt = createdAt;
    }

    void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    boolean isActive() {
        return revokedAt == null;
    }

    Long getId() {
        return id;
    }

    Role getRole() {
        return role;
    }

    ApiKeyInfo info() {
        return new ApiKeyInfo(id, name, role, prefix, createdAt, revokedAt);
    }
}
