package dev.backprop.training;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dev.backprop.model.ModelPlan;
import dev.backprop.model.ModelService;
import dev.backprop.model.Candidates;
import dev.backprop.shared.BusyException;
import dev.backprop.shared.ConflictException;
import dev.backprop.shared.InvalidRequestException;
import dev.backprop.shared.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Submits, reads and cancels training jobs. */
@Service
public class TrainingService {

    private final TrainingJobRepository jobs;
    private final EpochRecordRepository history;
    private final ModelService models;
    private final Scheduler scheduler;
    private final OneTimeTask<Void> task;
    private final TrainingProperties properties;
    private final Clock clock;
    private final JobLedger ledger;
    private final tools.jackson.databind.json.JsonMapper json;
    private final TrainingRun runs;

    TrainingService(TrainingJobRepository jobs, EpochRecordRepository history, ModelService models, Scheduler scheduler,
            OneTimeTask<Void> task, TrainingProperties properties, Clock clock, JobLedger ledger,
            tools.jackson.databind.json.JsonMapper json, TrainingRun runs) {
        this.runs = runs;
        this.ledger = ledger;
        this.json = json;
        this.jobs = jobs;
        this.history = history;
        this.models = models;
        this.scheduler = scheduler;
        this.task = task;
        this.properties = properties;
        this.clock = clock;
    }

    /** Queues a job for the model; the job row and its queue entry are written in one transaction. */
    @Transactional
    public JobView submit(long modelId) {
        ModelPlan plan = models.plan(modelId);
        return enqueue(new TrainingJob(modelId, plan.design().epochs(), clock.instant()));
    }

    /** Queues a k-fold cross-validation of the model's definition (stratified for classification). */
    @Transactional
    public JobView submitCrossValidation(long modelId, int folds) {
        if (folds < 2 || folds > 20) {
            throw new InvalidRequestException("$.folds", "folds must be between 2 and 20; got " + folds);
        }
        ModelPlan plan = models.plan(modelId);
        return enqueue(new TrainingJob(modelId, plan.design().epochs(), clock.instant(), JobKind.CROSS_VALIDATION,
                json.writeValueAsString(new EvaluationSpec(folds, null))));
    }

    /** Queues a search over the given candidates (validated here, so a bad space fails now rather than in the job). */
    @Transactional
    public JobView submitTuning(long modelId, List<Map<String, Double>> candidates, int folds) {
        if (folds == 1 || folds < 0 || folds > 20) {
            throw new InvalidRequestException("$.folds", "folds must be 0 (score on the held-out part) or 2 to 20; got " + folds);
        }
        for (Map<String, Double> candidate : candidates) {
            models.plan(modelId, definition -> Candidates.apply(definition, candidate));
        }
        return enqueue(new TrainingJob(modelId, models.plan(modelId).design().epochs(), clock.instant(), JobKind.TUNING,
                json.writeValueAsString(new EvaluationSpec(folds, candidates))));
    }

    /** The values of the tuning job's candidate at {@code rank}, to define a model from. */
    @Transactional(readOnly = true)
    public Map<String, Double> candidate(long jobId, int rank) {
        TrainingJob job = find(jobId);
        if (job.getKind() != JobKind.TUNING || job.getStatus() != JobStatus.SUCCEEDED) {
            throw new ConflictException("Only a succeeded tuning job can be promoted; job " + jobId + " is a "
                    + job.getKind().name().toLowerCase(java.util.Locale.ROOT) + " job, " + job.getStatus() + ".");
        }
        TuningResult result = json.readValue(job.getResultJson(), TuningResult.class);
        return result.leaderboard().stream().filter(c -> c.rank() == rank).findFirst()
                .orElseThrow(() -> new InvalidRequestException("$.rank", "rank must be between 1 and "
                        + result.leaderboard().size() + "; got " + rank))
                .values();
    }

    private JobView enqueue(TrainingJob newJob) {
        long queued = jobs.countByStatus(JobStatus.QUEUED);
        if (queued >= properties.maxQueued()) {
            throw new BusyException("The training queue is full (" + queued + " jobs waiting; backprop.training.max-queued = "
                    + properties.maxQueued() + "). Retry later.", Duration.ofSeconds(30));
        }
        TrainingJob job = jobs.save(newJob);
        scheduler.schedule(task.instance(Long.toString(job.getId())), Instant.now());
        wakeWorkersAfterCommit();
        return view(job, false);
    }

    /**
     * db-scheduler's immediate execution looks for the new entry at once, often before this transaction has committed
     * it, and then an idle worker found the job only at its next poll ({@code poll-interval}, 1 s: a seventh of a
     * 100-epoch Titanic job). Looking again after the commit starts the job at once.
     */
    private void wakeWorkersAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            scheduler.triggerCheckForDueExecutions();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                scheduler.triggerCheckForDueExecutions();
            }
        });
    }

    @Transactional(readOnly = true)
    public JobView get(long jobId, boolean withHistory) {
        return view(find(jobId), withHistory);
    }

    @Transactional(readOnly = true)
    public Page<JobView> forModel(long modelId, Pageable pageable) {
        models.get(modelId);
        return jobs.findByModelId(modelId, pageable).map(job -> view(job, false));
    }

    /**
     * A queued job is cancelled at once; a running one stops at the end of its current epoch (when it runs on another
     * replica, a little later: it reads the request at its next progress write and acts on it at the one after).
     */
    public JobView cancel(long jobId) {
        TrainingJob job = ledger.cancel(jobId);
        if (job.getStatus() == JobStatus.RUNNING) {
            runs.cancelRequested(jobId);
        }
        return view(job, false);
    }

    private TrainingJob find(long jobId) {
        return jobs.findById(jobId).orElseThrow(() -> new NotFoundException("Training job", jobId));
    }

    private JobView view(TrainingJob job, boolean withHistory) {
        Object result = job.getResultJson() == null ? null : json.readValue(job.getResultJson(), Object.class);
        return JobView.of(job, withHistory
                ? history.findByJobIdOrderByEpoch(job.getId()).stream()
                        .map(e -> new JobView.EpochView(e.getEpoch(), e.getTrainLoss(), e.getTestLoss(), e.getTrainAccuracy(),
                                e.getTestAccuracy()))
                        .toList()
                : null, clock.instant(), result);
    }
}
