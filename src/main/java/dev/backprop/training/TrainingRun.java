package dev.backprop.training;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.backprop.dataset.DatasetService;
import dev.backprop.engine.Checkpoint;
import dev.backprop.engine.Trainer;
import dev.backprop.engine.TrainingOutcome;
import dev.backprop.evaluation.EvaluatedVersion;
import dev.backprop.model.ModelPlan;
import dev.backprop.model.ModelService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Runs one claimed job from start to end: load data, prepare, train with per-epoch progress, evaluate, and store
 * the new version together with the job's success in one transaction. Never throws: every failure ends the job
 * with a reason.
 */
@Component
class TrainingRun {

    private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);

    private final JobLedger ledger;
    private final ModelService models;
    private final DatasetService datasets;
    private final Trainer trainer;
    private final HelperThreads helpers;
    private final TrainingMetrics metrics;
    private final EvaluationJobs evaluationJobs;
    private final tools.jackson.databind.json.JsonMapper json;
    private final TrainingProperties properties;
    /** The jobs running here, each with its cancel flag: a cancel that reaches this replica is seen at the next epoch. */
    private final ConcurrentHashMap<Long, AtomicBoolean> running = new ConcurrentHashMap<>();
    private volatile boolean shuttingDown;

    TrainingRun(JobLedger ledger, ModelService models, DatasetService datasets, Trainer trainer, HelperThreads helpers,
            TrainingMetrics metrics, EvaluationJobs evaluationJobs, tools.jackson.databind.json.JsonMapper json,
            TrainingProperties properties) {
        this.ledger = ledger;
        this.models = models;
        this.datasets = datasets;
        this.trainer = trainer;
        this.helpers = helpers;
        this.metrics = metrics;
        this.evaluationJobs = evaluationJobs;
        this.json = json;
        this.properties = properties;
    }

    /** Jobs this process is training right now (for heartbeats). */
    Set<Long> running() {
        return Set.copyOf(running.keySet());
    }

    /**
     * Tells the job, if it runs here, that a cancel was recorded for it, so it stops after its current epoch. Without
     * this it would learn so from the database, at its next progress write but one (writes are asynchronous), and a
     * cancel reaching another replica still does.
     */
    void cancelRequested(long jobId) {
        AtomicBoolean cancelled = running.get(jobId);
        if (cancelled != null) {
            cancelled.set(true);
        }
    }

    /** Running jobs stop after their current epoch and go back to the queue. */
    void shutDown() {
        shuttingDown = true;
    }

    /** Throws {@link InterruptedByShutdown} when the service stopped the job, so the queue runs it again later. */
    void run(long jobId) {
        Optional<JobLedger.Claimed> claimed = ledger.claim(jobId);
        if (claimed.isEmpty()) {
            return;
        }
        long modelId = claimed.get().modelId();
        AtomicBoolean cancelled = new AtomicBoolean();
        running.put(jobId, cancelled);
        MDC.put("jobId", "job-" + jobId);
        try {
            if (claimed.get().kind() != JobKind.TRAINING) {
                evaluationJob(jobId, modelId, claimed.get());
                return;
            }
            long started = System.nanoTime();
            ModelPlan plan = models.plan(modelId);
            DataPreparation.Prepared prepared = DataPreparation.prepare(datasets.table(plan.definition().datasetId()), plan,
                    helpers.executor());
            long dataReady = System.nanoTime();
            log.info("Training job {} (model {}): {} training rows, {} held out, {} epochs", jobId, modelId,
                    prepared.data().trainX().length, prepared.data().testX().length, plan.design().epochs());
            Checkpoint resumeFrom = claimed.get().checkpoint() == null ? null
                    : Checkpoint.fromBytes(claimed.get().checkpoint().bytes());
            long[] epochStart = {System.nanoTime()};
            CheckpointSchedule schedule = new CheckpointSchedule(properties, epochStart[0]);
            EpochWriter history = new EpochWriter(ledger, jobId, helpers.executor(), cancelled::get);
            var baseline = helpers.start(plan, prepared.data());
            TrainingOutcome outcome;
            try {
                outcome = trainer.train(plan.design(), prepared.data(), plan.target(), resumeFrom, (stats, checkpoint) -> {
                    long now = System.nanoTime();
                    metrics.epochFinished(jobId, stats, java.time.Duration.ofNanos(now - epochStart[0]));
                    epochStart[0] = now;
                    boolean stopping = shuttingDown;
                    byte[] bytes = checkpoint != null && schedule.due(stats.epoch(), stopping, now)
                            ? checkpoint.get().toBytes() : null;
                    boolean goOn = history.record(stats, bytes);
                    if (bytes != null) {
                        long written = System.nanoTime();
                        schedule.written(written - now, written);
                    }
                    return goOn && !stopping;
                }, helpers.executor());
            } finally {
                history.flush();
            }
            if (outcome.stoppedEarly() && shuttingDown) {
                ledger.requeueAfterShutdown(jobId, "Re-queued: the service shut down during epoch " + outcome.epochsRun()
                        + "; the job resumes from its last checkpoint when a worker is free.");
                throw new InterruptedByShutdown(jobId);
            }
            if (outcome.stoppedEarly()) {
                ledger.cancelled(jobId, outcome.epochsRun());
                return;
            }
            long trained = System.nanoTime();
            EvaluatedVersion evaluated = helpers.evaluate(outcome.network(), plan, prepared.data(), baseline);
            long evaluatedAt = System.nanoTime();
            byte[] network = outcome.network().toBytes();
            String earlyStop = outcome.earlyStopped()
                    ? "Early stopping after epoch " + outcome.epochsRun() + ": " + plan.design().training().earlyStopping().monitor()
                            + " stopped improving; the version keeps the weights of epoch " + outcome.keptEpoch() + "."
                    : null;
            Integer kept = plan.design().training().earlyStopping() == null ? null : outcome.keptEpoch();
            ledger.succeed(jobId, () -> models.addVersion(modelId, jobId, prepared.preprocessor(), evaluated, network),
                    kept, earlyStop);
            long stored = System.nanoTime();
            log.info("Training job {} succeeded in {} s: data {} s, training {} s, evaluation {} s, storing {} s", jobId,
                    seconds(stored - started), seconds(dataReady - started), seconds(trained - dataReady),
                    seconds(evaluatedAt - trained), seconds(stored - evaluatedAt));
        } catch (InterruptedByShutdown e) {
            throw e;
        } catch (RuntimeException | OutOfMemoryError e) {
            ledger.fail(jobId, JobFailures.reason(jobId, e));
        } finally {
            running.remove(jobId);
            metrics.jobEnded(jobId);
            MDC.remove("jobId");
        }
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.3f", nanos / 1e9);
    }

    /** A cross-validation or tuning job: many trainings, one result, progress between them. */
    private void evaluationJob(long jobId, long modelId, JobLedger.Claimed claimed) {
        ModelPlan plan = models.plan(modelId);
        var table = new dev.backprop.preprocessing.ParsedTable(datasets.table(plan.definition().datasetId()));
        java.util.function.BooleanSupplier goOn = () -> !shuttingDown && ledger.goOn(jobId);
        Object result;
        try {
            if (claimed.kind() == JobKind.CROSS_VALIDATION) {
                EvaluationSpec spec = json.readValue(claimed.specJson(), EvaluationSpec.class);
                result = evaluationJobs.crossValidate(plan, table, spec.folds(), step -> ledger.progress(jobId, step), goOn);
            } else {
                EvaluationSpec spec = json.readValue(claimed.specJson(), EvaluationSpec.class);
                result = evaluationJobs.tune(modelId, spec.candidates(), spec.folds(), table,
                        step -> ledger.progress(jobId, step), goOn);
            }
        } catch (EvaluationJobs.Stopped e) {
            if (shuttingDown) {
                ledger.requeueAfterShutdown(jobId, "Re-queued: the service shut down; the job restarts from the beginning.");
                throw new InterruptedByShutdown(jobId);
            }
            ledger.cancelled(jobId, 0);
            return;
        }
        ledger.succeedWithResult(jobId, json.writeValueAsString(result));
        log.info("{} job {} succeeded", claimed.kind(), jobId);
    }

    /** Tells the queue to run the job again: it was stopped by a shutdown, not by anything wrong with it. */
    static class InterruptedByShutdown extends RuntimeException {

        InterruptedByShutdown(long jobId) {
            super("Training job " + jobId + " was interrupted by a shutdown and re-queued");
        }
    }
}
