package dev.backprop.prediction;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Prediction settings ({@code backprop.prediction.*}).
 *
 * @param cachedVersions   trained versions kept loaded in memory
 * @param latestVersionTtl how long "the latest version of model N" is remembered (other replicas' new versions
 *                         show up after at most this long; this replica's own at once)
 * @param maxRows          rows accepted in one batch request
 * @param batchHelperThreads threads that predict a chunk of a large CSV batch while its request reads the next
 *                         (see {@link BatchHelpers}); default one fewer than the cores, 0 for none
 */
@ConfigurationProperties("backprop.prediction")
public record PredictionProperties(Integer cachedVersions, Duration latestVersionTtl, Integer maxRows,
        Integer batchHelperThreads) {

    public PredictionProperties {
        cachedVersions = cachedVersions == null ? 32 : cachedVersions;
        latestVersionTtl = latestVersionTtl == null ? Duration.ofSeconds(10) : latestVersionTtl;
        maxRows = maxRows == null ? 100_000 : maxRows;
        batchHelperThreads = batchHelperThreads == null ? Runtime.getRuntime().availableProcessors() - 1 : batchHelperThreads;
        if (batchHelperThreads < 0) {
            throw new IllegalArgumentException("backprop.prediction.batch-helper-threads must be 0 or more; got "
                    + batchHelperThreads);
        }
    }
}
