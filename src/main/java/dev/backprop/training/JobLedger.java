package dev.backprop.training;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.backprop.engine.EpochStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Every change of a job's row, each in its own short transaction (or the caller's, for success). */
@Component
class JobLedger {

    private static final Logger log = LoggerFactory.getLogger(JobLedger.class);

    private final TrainingJobRepository jobs;
    private final EpochRecordRepository history;
    private final TrainingProperties properties;
    private final Clock clock;

    JobLedger(TrainingJobRepository jobs, EpochRecordRepository history, TrainingProperties properties, Clock clock) {
        this.jobs = jobs;
        this.history = history;
        this.properties = properties;
        this.clock = clock;
    }

    /** Marks the job RUNNING and returns its model id; empty when the job is finished (e.g. cancelled while queued). */
    @Transactional
    public Optional<Long> claim(long jobId) {
        TrainingJob job = jobs.findById(jobId).orElse(null);
        if (job == null || job.getStatus().isFinished()) {
            return Optional.empty();
        }
        // A previous run may have left epochs behind (it was interrupted): every run starts from epoch 0.
        history.deleteByJobId(jobId);
        String note = null;
        if (job.getAttempts() >= properties.maxAttempts()) {
            job.finish(JobStatus.FAILED, "Interrupted " + job.getAttempts()
                    + " times (the service stopped while it was training); not retried again. Submit a new job.", null, clock.instant());
            return Optional.empty();
        }
        if (job.getAttempts() > 0) {
            note = "Restarted from epoch 0: attempt " + (job.getAttempts() + 1) + " after the previous run was interrupted.";
        }
        job.start(clock.instant(), note);
        return Optional.of(job.getModelId());
    }

    /** Records an epoch; answers whether training should go on (false once a cancel was requested). */
    @Transactional
    public boolean recordEpoch(long jobId, EpochStats stats) {
        TrainingJob job = jobs.findById(jobId).orElseThrow();
        history.save(new EpochRecord(jobId, stats.epoch(), stats.trainLoss(), stats.testLoss(), stats.trainAccuracy(),
                stats.testAccuracy()));
        job.progress(stats.epoch(), stats.trainLoss(), stats.testLoss(), clock.instant());
        return !job.isCancelRequested();
    }

    @Transactional
    public void succeed(long jobId, int version) {
        jobs.findById(jobId).orElseThrow().finish(JobStatus.SUCCEEDED, null, version, clock.instant());
    }

    @Transactional
    public void fail(long jobId, String reason) {
        jobs.findById(jobId).ifPresent(job -> job.finish(JobStatus.FAILED, reason, null, clock.instant()));
    }

    @Transactional
    public void cancelled(long jobId, int epoch) {
        jobs.findById(jobId).ifPresent(job -> job.finish(JobStatus.CANCELLED,
                "Cancelled on request after epoch " + epoch + "; no version was stored.", null, clock.instant()));
    }

    @Transactional
    public void requeueAfterShutdown(long jobId, String reason) {
        jobs.findById(jobId).ifPresent(job -> job.requeueAfterShutdown(reason));
    }

    @Transactional
    public void heartbeat(Collection<Long> running) {
        if (!running.isEmpty()) {
            jobs.heartbeat(running, clock.instant());
        }
    }

    /** RUNNING jobs whose worker stopped proving it is alive go back to the queue (their task is revived). */
    @Transactional
    public int requeueStale() {
        List<TrainingJob> stale = jobs.findByStatusAndHeartbeatAtBefore(JobStatus.RUNNING,
                clock.instant().minus(properties.staleAfter()));
        for (TrainingJob job : stale) {
            log.warn("Training job {} lost its worker (last heartbeat {}); re-queueing it", job.getId(), job.getHeartbeatAt());
            job.requeue("Re-queued: the worker running it stopped (last heartbeat " + job.getHeartbeatAt()
                    + "); it will restart from epoch 0.");
        }
        return stale.size();
    }
}
