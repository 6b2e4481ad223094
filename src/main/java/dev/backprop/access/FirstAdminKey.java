package dev.backprop.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * A fresh install must be usable without being open: the first admin key comes either from configuration
 * ({@code backprop.security.bootstrap-admin-key}, e.g. a Kubernetes secret) or, when there is no key at all,
 * is generated and written to the log once (only its hash is kept).
 */
@Component
class FirstAdminKey implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdminKey.class);

    private final ApiKeyService keys;
    private final AccessProperties properties;

    FirstAdminKey(ApiKeyService keys, AccessProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.devMode()) {
            log.warn("DEV MODE: requests without an API key act as admin (backprop.security.dev-mode=true)."
                    + " Never run a shared or exposed server like this.");
        }
        String configured = properties.bootstrapAdminKey();
        if (configured != null) {
            if (configured.length() < ApiKeys.MIN_CONFIGURED_LENGTH) {
                throw new IllegalStateException("backprop.security.bootstrap-admin-key is too short to be safe: use at least "
                        + ApiKeys.MIN_CONFIGURED_LENGTH + " random characters (e.g. openssl rand -base64 32)");
            }
            if (keys.ensureConfiguredAdmin(configured)) {
                log.info("Created the admin key from backprop.security.bootstrap-admin-key ({}…)", ApiKeys.shownPrefix(configured));
            } else if (keys.isRevoked(configured)) {
                log.warn("backprop.security.bootstrap-admin-key names a revoked key; it stays revoked");
            }
            return;
        }
        if (!properties.devMode() && !keys.anyKeyExists()) {
            IssuedApiKey first = keys.issue("first admin", Role.ADMIN);
            log.warn("""
                    No API key existed, so the first admin key was created. It is shown only this once — store it now:

                        X-API-Key: {}

                    Use it to create keys for people and programs (POST /api/keys), then keep it safe or revoke it.""",
                    first.key());
        }
    }
}
