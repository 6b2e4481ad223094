package dev.backprop.dataset;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Datasets' schemas, parsed from their stored JSON once rather than on every read: every training job and every
 * {@code GET} of a dataset needs its schema, and parsing MNIST's (785 columns, 115,000 value counts) took 40 ms. A
 * schema never changes after the upload; the key includes the content's SHA-256 as well as the id, so a table
 * emptied behind the service's back (tests do) cannot hand a new dataset an old one's schema.
 */
@Component
class ParsedSchemas {

    /** Columns plus value counts held at most: a few MNIST-sized schemas (about 10 MB each) or thousands of small ones. */
    static final long MAX_WEIGHT = 400_000;

    private record Key(long datasetId, String sha256) {
    }

    private final JsonMapper json;
    private final Cache<Key, DatasetSchema> parsed;

    ParsedSchemas(JsonMapper json) {
        this.json = json;
        this.parsed = Caffeine.newBuilder()
                .maximumWeight(MAX_WEIGHT)
                .weigher((Key key, DatasetSchema schema) -> weight(schema))
                .build();
    }

    DatasetSchema of(Dataset dataset) {
        return parsed.get(new Key(dataset.getId(), dataset.getContentSha256()),
                key -> json.readValue(dataset.getSchemaJson(), DatasetSchema.class));
    }

    void forget(long datasetId) {
        parsed.asMap().keySet().removeIf(key -> key.datasetId() == datasetId);
    }

    private static int weight(DatasetSchema schema) {
        long weight = 1;
        for (ColumnSchema column : schema.columns()) {
            weight += 1 + (column.levels() == null ? 0 : column.levels().size());
        }
        return (int) Math.min(Integer.MAX_VALUE, weight);
    }
}
