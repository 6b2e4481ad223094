package dev.backprop.model;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits on model definitions ({@code backprop.models.*}).
 *
 * @param maxLayers        hidden layers per network
 * @param maxUnits         units per dense layer
 * @param maxParameters    trainable parameters per network
 * @param maxEpochs        epochs per training job
 * @param maxOneHotLevels  distinct values a categorical feature may have (each becomes one input)
 * @param maxClasses       classes of a multiclass target
 * @param maxMemory        estimated memory of one training run (parameters, gradients, optimizer state and one
 *                         batch's activations), checked before anything is allocated
 */
@ConfigurationProperties("backprop.models")
public record ModelProperties(Integer maxLayers, Integer maxUnits, Long maxParameters, Integer maxEpochs,
        Integer maxOneHotLevels, Integer maxClasses, DataSize maxMemory) {

    public ModelProperties {
        maxLayers = maxLayers == null ? 50 : maxLayers;
        maxUnits = maxUnits == null ? 4_096 : maxUnits;
        maxParameters = maxParameters == null ? 20_000_000L : maxParameters;
        maxEpochs = maxEpochs == null ? 10_000 : maxEpochs;
        maxOneHotLevels = maxOneHotLevels == null ? 200 : maxOneHotLevels;
        maxClasses = maxClasses == null ? 100 : maxClasses;
        maxMemory = maxMemory == null ? DataSize.ofGigabytes(1) : maxMemory;
    }

    public static ModelProperties defaults() {
        return new ModelProperties(null, null, null, null, null, null, null);
    }
}
