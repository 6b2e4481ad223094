package dev.backprop.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Access control ({@code backprop.security.*}).
 *
 * @param devMode           anonymous requests act as admin — for a laptop only, never for a shared server
 * @param bootstrapAdminKey an admin key to create at start-up if it does not exist yet (from a secret, e.g.
 *                          {@code BACKPROP_SECURITY_BOOTSTRAP_ADMIN_KEY}); at least 32 characters
 * @param cacheFor          how long a checked key is remembered: a revoked key stops working on other replicas
 *                          within this time (at once on the replica that revoked it)
 */
@ConfigurationProperties("backprop.security")
public record AccessProperties(boolean devMode, String bootstrapAdminKey, Duration cacheFor) {

    public AccessProperties {
        bootstrapAdminKey = bootstrapAdminKey == null || bootstrapAdminKey.isBlank() ? null : bootstrapAdminKey.strip();
        cacheFor = cacheFor == null ? Duration.ofSeconds(30) : cacheFor;
    }
}
