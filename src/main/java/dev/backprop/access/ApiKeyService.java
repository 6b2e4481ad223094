package dev.backprop.access;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.backprop.shared.ConflictException;
import dev.backprop.shared.InvalidRequestException;
import dev.backprop.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Issues, lists and revokes keys, and tells who holds a key presented with a request. */
@Service
public class ApiKeyService {

    static final int MAX_NAME_LENGTH = 100;

    private final ApiKeyRepository keys;
    private final Clock clock;
    // Every request checks a key: remember answers (also "unknown") briefly so a burst costs one query, not thousands.
    private final Cache<String, Optional<Caller>> checked;

    ApiKeyService(ApiKeyRepository keys, Clock clock, AccessProperties properties) {
        this.keys = keys;
        this.clock = clock;
        this.checked = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(properties.cacheFor()).build();
    }

    @Transactional
    public IssuedApiKey issue(String name, Role role) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > MAX_NAME_LENGTH) {
            throw new InvalidRequestException("$.name",
                    "give the key a name of 1 to " + MAX_NAME_LENGTH + " characters saying who or what uses it");
        }
        if (role == null) {
            throw new InvalidRequestException("role", "choose a role: admin, trainer or predictor");
        }
        String key = ApiKeys.generate();
        String hash = ApiKeys.sha256(key);
        ApiKey saved = keys.save(new ApiKey(cleanName, role, ApiKeys.shownPrefix(key), hash, clock.instant()));
        forgetAfterCommit(hash);
        return new IssuedApiKey(saved.info(), key);
    }

    @Transactional(readOnly = true)
    public List<ApiKeyInfo> list() {
        return keys.findAllByOrderByIdAsc().stream().map(ApiKey::info).toList();
    }

    @Transactional(readOnly = true)
    public ApiKeyInfo get(long id) {
        return keys.findById(id).map(ApiKey::info).orElseThrow(() -> new NotFoundException("API key", id));
    }

    /** Revoking twice is harmless; revoking the last active admin key is refused, or nobody could manage keys again. */
    @Transactional
    public ApiKeyInfo revoke(long id) {
        ApiKey key = keys.findById(id).orElseThrow(() -> new NotFoundException("API key", id));
        if (key.isActive() && key.getRole() == Role.ADMIN && keys.countByRoleAndRevokedAtIsNull(Role.ADMIN) <= 1) {
            throw new ConflictException("Key " + id + " is the last active admin key; create another admin key first,"
                    + " then revoke this one.");
        }
        key.revoke(clock.instant());
        checked.invalidateAll();
        return key.info();
    }

    public Optional<Caller> authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.isBlank() || presentedKey.length() > 200) {
            return Optional.empty();
        }
        return checked.get(ApiKeys.sha256(presentedKey), hash -> keys.findByKeySha256(hash)
                .filter(ApiKey::isActive)
                .map(key -> new Caller(key.getId(), key.info().name(), key.getRole())));
    }

    /** For start-up: make sure a configured key exists (unless it was revoked, which is respected). */
    @Transactional
    boolean ensureConfiguredAdmin(String key) {
        String hash = ApiKeys.sha256(key);
        if (keys.findByKeySha256(hash).isPresent()) {
            return false;
        }
        keys.save(new ApiKey("bootstrap (configuration)", Role.ADMIN, ApiKeys.shownPrefix(key), hash, clock.instant()));
        // A probe that sent this key before it existed (readiness checks do, from the first second) left "unknown" in
        // the cache: without this the key would be refused for up to cache-for after start-up.
        forgetAfterCommit(hash);
        return true;
    }

    @Transactional(readOnly = true)
    boolean anyKeyExists() {
        return keys.count() > 0;
    }

    /** Drops a cached answer for the key now and again once the transaction has committed (a check may run between). */
    private void forgetAfterCommit(String hash) {
        checked.invalidate(hash);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    checked.invalidate(hash);
                }
            });
        }
    }

    boolean isRevoked(String key) {
        return keys.findByKeySha256(ApiKeys.sha256(key)).map(found -> !found.isActive()).orElse(false);
    }
}
