package dev.backprop.dataset;

import java.util.List;

/**
 * Tells which models still need a dataset, so deleting it can be refused. Implemented by the feature that owns
 * models; the dataset feature does not know about them otherwise.
 */
public interface DatasetUsage {

    /** Names (with ids) of the models defined on this dataset; empty when nothing needs it. */
    List<String> modelsUsing(long datasetId);

    /** Called after a forced delete so dependants can note that their dataset is gone. */
    default void datasetDeleted(long datasetId) {
    }
}
