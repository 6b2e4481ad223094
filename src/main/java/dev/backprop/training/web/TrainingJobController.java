package dev.backprop.training.web;

import java.net.URI;

import dev.backprop.shared.web.PageResponse;
import dev.backprop.training.JobView;
import dev.backprop.training.TrainingService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Training", description = "Train a model asynchronously; watch progress epoch by epoch; cancel.")
class TrainingJobController {

    private final TrainingService training;

    TrainingJobController(TrainingService training) {
        this.training = training;
    }

    @PostMapping("/api/models/{modelId}/training-jobs")
    @Operation(summary = "Start training a model",
            description = "Answers 202 at once with Location: /api/training-jobs/{id}. 503 with Retry-After when the queue is full.")
    ResponseEntity<JobView> submit(@PathVariable long modelId) {
        JobView job = training.submit(modelId);
        return ResponseEntity.accepted().location(URI.create("/api/training-jobs/" + job.id())).body(job);
    }

    @GetMapping("/api/models/{modelId}/training-jobs")
    @Operation(summary = "A model's training jobs, newest first")
    PageResponse<JobView> forModel(@PathVariable long modelId,
            @ParameterObject @PageableDefault(size = 20, sort = "id", direction = Sort.Direction.DESC) Pageable pageable) {
        return PageResponse.of(training.forModel(modelId, pageable), job -> job);
    }

    @GetMapping("/api/training-jobs/{id}")
    @Operation(summary = "A training job: status, epoch, latest losses, elapsed time and per-epoch history")
    JobResponse get(@PathVariable long id, @RequestParam(defaultValue = "true") boolean history) {
        return JobResponse.from(training.get(id, history));
    }

    @PostMapping("/api/training-jobs/{id}/cancel")
    @Operation(summary = "Cancel a job", description = "A queued job is cancelled at once; a running one stops after its current epoch.")
    ResponseEntity<JobView> cancel(@PathVariable long id) {
        return ResponseEntity.accepted().body(training.cancel(id));
    }
}
