package dev.backprop.prediction;

import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.backprop.engine.TrainedNetwork;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import dev.backprop.model.ModelService;
import dev.backprop.model.StoredVersion;
import dev.backprop.model.VersionCreated;
import dev.backprop.shared.ConflictException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Loaded versions by (model, version), so a prediction never reads parameters from the database; and each
 * model's latest version number, refreshed when this process stores a new one or after a short TTL.
 */
@Component
class ModelCache {

    private record Key(long modelId, int version) {

        // Written out: the generated record methods go through method handles, which cost a visible share of a
        // single-row prediction when called from the cache's shared (megamorphic) lookups.
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.modelId == modelId && key.version == version;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(modelId) * 31 + version;
        }
    }

    private final ModelService models;
    private final LoadingCache<Key, LoadedModel> loaded;
    private final Cache<Long, Integer> latest;

    ModelCache(ModelService models, PredictionProperties properties, MeterRegistry registry) {
        this.models = models;
        this.loaded = Caffeine.newBuilder()
                .maximumSize(properties.cachedVersions())
                .recordStats()
                .build(this::load);
        CaffeineCacheMetrics.monitor(registry, loaded, "backprop.models");
        this.latest = Caffeine.newBuilder()
                .expireAfterWrite(properties.latestVersionTtl())
                .build();
    }

    LoadedModel get(long modelId, Optional<Integer> version) {
        int number = version.orElseGet(() -> latest.get(modelId, id -> models.latestVersion(id)
                .orElseThrow(() -> new ConflictException("Model " + id + " has no trained version yet: start one with POST /api/models/"
                        + id + "/training-jobs and wait for it to succeed."))));
        return loaded.get(new Key(modelId, number));
    }

    @TransactionalEventListener
    void versionCreated(VersionCreated event) {
        latest.invalidate(event.modelId());
    }

    private LoadedModel load(Key key) {
        StoredVersion stored = models.stored(key.modelId(), Optional.of(key.version()));
        return new LoadedModel(key.modelId(), key.version(), stored.preprocessor(), TrainedNetwork.fromBytes(stored.parameters()));
    }
}
