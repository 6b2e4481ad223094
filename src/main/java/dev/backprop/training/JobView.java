package dev.backprop.training;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A training job as callers see it: status, progress, latest losses, history and outcome. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobView(
        long id,
        long modelId,
        JobKind kind,
        JobStatus status,
        String progress,
        int epoch,
        int epochs,
        Double trainLoss,
        Double testLoss,
        Double elapsedSeconds,
        int attempts,
        String message,
        Integer modelVersion,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_DEFAULT)
        boolean earlyStopped,
        Integer keptEpoch,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        List<EpochView> history,
        Object result) {

    /** Loss and accuracy on the training part and on the held-out (test) part after one epoch. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EpochView(int epoch, double trainLoss, double testLoss, Double trainAccuracy, Double testAccuracy) {
    }

    static JobView of(TrainingJob job, List<EpochView> history, Instant now) {
        return of(job, history, now, null);
    }

    static JobView of(TrainingJob job, List<EpochView> history, Instant now, Object result) {
        Double elapsed = job.getStartedAt() == null ? null
                : Duration.between(job.getStartedAt(), job.getFinishedAt() != null ? job.getFinishedAt() : now).toMillis() / 1000.0;
        return new JobView(job.getId(), job.getModelId(), job.getKind(), job.getStatus(), job.getProgress(), job.getEpoch(), job.getEpochs(),
                job.getTrainLoss(), job.getTestLoss(), elapsed, job.getAttempts(), job.getMessage(), job.getModelVersion(),
                job.isEarlyStopped(), job.getKeptEpoch(), job.getCreatedAt(), job.getStartedAt(), job.getFinishedAt(), history,
                result);
    }
}
