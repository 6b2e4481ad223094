package dev.backprop.training.web;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.backprop.training.JobStatus;
import dev.backprop.training.JobView;

/** A training job with links to its loss and accuracy charts and, once it succeeded, the version it made. */
public record JobResponse(@JsonUnwrapped JobView job, Map<String, String> links) {

    static JobResponse from(JobView job) {
        String base = "/api/training-jobs/" + job.id();
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", base);
        links.put("cancel", base + "/cancel");
        if (job.epoch() > 0) {
            links.put("lossChart", base + "/charts/loss.svg");
            if (job.history() != null && !job.history().isEmpty() && job.history().get(0).trainAccuracy() != null) {
                links.put("accuracyChart", base + "/charts/accuracy.svg");
            }
        }
        if (job.kind() == dev.backprop.training.JobKind.CROSS_VALIDATION && job.result() != null) {
            links.put("foldsChart", base + "/charts/folds.svg");
        }
        if (job.kind() == dev.backprop.training.JobKind.TUNING && job.result() != null) {
            links.put("promote", base + "/promote");
        }
        if (job.status() == JobStatus.SUCCEEDED && job.modelVersion() != null) {
            links.put("version", "/api/models/" + job.modelId() + "/versions/" + job.modelVersion());
        }
        return new JobResponse(job, links);
    }
}
