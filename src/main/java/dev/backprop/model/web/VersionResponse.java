package dev.backprop.model.web;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.backprop.model.VersionInfo;

/** A trained version with links to its charts and its training job. */
public record VersionResponse(@JsonUnwrapped VersionInfo version, Map<String, String> links) {

    static VersionResponse from(VersionInfo version) {
        String base = "/api/models/" + version.modelId() + "/versions/" + version.version();
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", base);
        links.put("trainingJob", "/api/training-jobs/" + version.trainingJobId());
        if (version.metrics().test().rocCurve() != null) {
            links.put("rocChart", base + "/charts/roc.svg");
        }
        if (version.metrics().test().confusionMatrix() != null) {
            links.put("confusionMatrixChart", base + "/charts/confusion-matrix.svg");
        }
        if (version.preprocessing().target().columns() == null) {
            links.put("importance", base + "/importance");
            links.put("importanceChart", base + "/charts/importance.svg");
        }
        links.put("predict", "/api/models/" + version.modelId() + "/predict?version=" + version.version());
        return new VersionResponse(version, links);
    }
}
