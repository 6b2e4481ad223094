package dev.backprop.model.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.backprop.model.ModelDefinition;
import dev.backprop.model.ModelInfo;
import dev.backprop.model.NetworkSummary;

/** A model with links to what a user does next: train it, read its versions, predict. */
public record ModelResponse(long id, String name, long datasetId, boolean datasetDeleted, ModelDefinition definition,
        NetworkSummary network, Integer latestVersion, Instant createdAt, Map<String, String> links) {

    static ModelResponse from(ModelInfo model) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", "/api/models/" + model.id());
        links.put("train", "/api/models/" + model.id() + "/training-jobs");
        links.put("versions", "/api/models/" + model.id() + "/versions");
        links.put("predict", "/api/models/" + model.id() + "/predict");
        links.put("dataset", "/api/datasets/" + model.datasetId());
        return new ModelResponse(model.id(), model.name(), model.datasetId(), model.datasetDeleted(), model.definition(),
                model.network(), model.latestVersion(), model.createdAt(), links);
    }
}
