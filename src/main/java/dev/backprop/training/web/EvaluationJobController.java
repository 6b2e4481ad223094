package dev.backprop.training.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import dev.backprop.model.Candidates;
import dev.backprop.model.ModelDefinition;
import dev.backprop.model.ModelInfo;
import dev.backprop.model.ModelService;
import dev.backprop.training.JobView;
import dev.backprop.training.SearchSpace;
import dev.backprop.training.TrainingService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Evaluation jobs", description = "k-fold cross-validation and hyper-parameter tuning, as asynchronous jobs.")
class EvaluationJobController {

    /** How many folds; default 5. */
    record CrossValidationRequest(@Schema(description = "number of folds, 2 to 20; default 5", example = "5") Integer folds) {
    }

    /** What to search and how to score it. */
    record TuningRequest(
            @Schema(description = "hyper-parameter → values to try; tunable: l2, learningRate, units (every dense layer),"
                    + " dropout (every dropout layer), epochs, batchSize", example = "{\"l2\": [0.1, 0.01, 0.001, 0.0001, 0.00001, 0.000001]}")
            Map<String, List<Double>> space,
            @Schema(description = "grid (every combination, at most 50) or random; default grid") String search,
            @Schema(description = "random search: how many candidates; default 10") Integer candidates,
            @Schema(description = "0: score on the held-out part (default); 2-20: score by k-fold mean") Integer folds,
            @Schema(description = "random search: seed; default 42") Long seed) {
    }

    /** Which candidate of the leaderboard to promote; default the best. */
    record PromoteRequest(@Schema(description = "leaderboard rank; default 1") Integer rank) {
    }

    private final TrainingService training;
    private final ModelService models;

    EvaluationJobController(TrainingService training, ModelService models) {
        this.training = training;
        this.models = models;
    }

    @PostMapping("/api/models/{modelId}/cross-validations")
    @Operation(summary = "Cross-validate a model's definition",
            description = "k-fold (stratified for classification): each fold's metrics, their mean and standard deviation,"
                    + " and the logistic baseline's. Answers 202; follow Location.")
    ResponseEntity<JobResponse> crossValidate(@PathVariable long modelId, @RequestBody(required = false) CrossValidationRequest request) {
        int folds = request == null || request.folds() == null ? 5 : request.folds();
        return accepted(training.submitCrossValidation(modelId, folds));
    }

    @PostMapping("/api/models/{modelId}/tuning-jobs")
    @Operation(summary = "Search hyper-parameters",
            description = "Trains every candidate (grid or random) and ranks them by ROC AUC (binary), accuracy (multiclass)"
                    + " or R² (regression) on the held-out part or by k-fold mean. Answers 202; the job's result is a leaderboard.")
    ResponseEntity<JobResponse> tune(@PathVariable long modelId, @RequestBody TuningRequest request) {
        var candidates = SearchSpace.candidates(request.space(), request.search(), request.candidates(),
                request.seed() == null ? 42 : request.seed());
        return accepted(training.submitTuning(modelId, candidates, request.folds() == null ? 0 : request.folds()));
    }

    @PostMapping("/api/training-jobs/{jobId}/promote")
    @Operation(summary = "Promote a tuning candidate to a trained model",
            description = "Defines a model with the candidate's values (named after them) and starts training it: the"
                    + " answer is that training job; its version is the promoted candidate.")
    ResponseEntity<JobResponse> promote(@PathVariable long jobId, @RequestBody(required = false) PromoteRequest request) {
        int rank = request == null || request.rank() == null ? 1 : request.rank();
        Map<String, Double> values = training.candidate(jobId, rank);
        long sourceModel = training.get(jobId, false).modelId();
        ModelDefinition definition = Candidates.apply(models.plan(sourceModel).definition(), values);
        ModelDefinition named = new ModelDefinition(definition.name() + " (tuned: " + describe(values) + ")",
                definition.datasetId(), definition.target(), definition.features(), null, definition.task(),
                definition.positiveLabel(), definition.preprocessing(), definition.layers(), definition.output(),
                definition.loss(), definition.optimizer(), definition.l2(), definition.batchSize(), definition.epochs(),
                definition.testFraction(), definition.seed(), definition.l1(), definition.weightInit(),
                definition.gradientClipping(), definition.earlyStopping(), definition.classWeights(), definition.preset(),
                definition.image(), definition.targets());
        ModelInfo model = models.define(named);
        return accepted(training.submit(model.id()));
    }

    private static String describe(Map<String, Double> values) {
        StringBuilder text = new StringBuilder();
        values.forEach((name, value) -> text.append(text.length() == 0 ? "" : ", ").append(name).append('=').append(value));
        return text.toString();
    }

    private static ResponseEntity<JobResponse> accepted(JobView job) {
        return ResponseEntity.accepted().location(URI.create("/api/training-jobs/" + job.id())).body(JobResponse.from(job));
    }
}
