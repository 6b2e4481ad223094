package dev.backprop.training;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import dev.backprop.engine.EpochStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.backprop.shared.ConflictException;
import dev.backprop.shared.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Every change of a job's row, each in its own short transaction, retried when a concurrent change won. */
@Component
class JobLedger {

    private static final Logger log = LoggerFactory.getLogger(JobLedger.class);

    private final TrainingJobRepository jobs;
    private final EpochRecordRepository history;
    private final CheckpointStore checkpoints;
    private final TrainingProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;

    JobLedger(TrainingJobRepository jobs, EpochRecordRepository history, CheckpointStore checkpoints,
            TrainingProperties properties, Clock clock, TransactionTemplate transaction) {
        this.jobs = jobs;
        this.history = history;
        this.checkpoints = checkpoints;
        this.properties = properties;
        this.clock = clock;
        this.transaction = transaction;
    }

    /** Runs {@code work} in a transaction, again on a fresh read if a concurrent change of the same job won. */
    private <T> T retrying(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> work.get());
            } catch (OptimisticLockingFailureException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** A claimed job: its model, what kind of job it is, what was asked, and the checkpoint to resume from (or null). */
    record Claimed(long modelId, JobKind kind, String specJson, CheckpointStore.Stored checkpoint) {
    }

    /** Marks the job RUNNING; empty when the job is finished (e.g. cancelled while queued). */
    public Optional<Claimed> claim(long jobId) {
        return retrying(() -> claimOnce(jobId));
    }

    /** Whether the job should go on (no cancel requested). */
    public boolean goOn(long jobId) {
        return jobs.findById(jobId).map(job -> !job.isCancelRequested()).orElse(false);
    }

    public void progress(long jobId, String progress) {
        update(jobId, job -> {
            job.progress(progress);
            job.heartbeat(clock.instant());
        });
    }

    /** Ends a cross-validation or tuning job with its result. */
    public void succeedWithResult(long jobId, String resultJson) {
        update(jobId, job -> {
            job.result(resultJson);
            job.progress(null);
            job.finish(JobStatus.SUCCEEDED, null, null, clock.instant());
            checkpoints.delete(jobId);
        });
    }

    private Optional<Claimed> claimOnce(long jobId) {
        TrainingJob job = jobs.findById(jobId).orElse(null);
        if (job == null || job.getStatus().isFinished()) {
            return Optional.empty();
        }
        if (job.getAttempts() >= properties.maxAttempts()) {
            job.finish(JobStatus.FAILED, "Interrupted " + job.getAttempts()
                    + " times (the service stopped while it was training); not retried again. Submit a new job.", null, clock.instant());
            checkpoints.delete(jobId);
            return Optional.empty();
        }
        CheckpointStore.Stored checkpoint = job.getKind() == JobKind.TRAINING ? checkpoints.read(jobId).orElse(null) : null;
        String note = null;
        if (checkpoint == null) {
            // A previous run may have left epochs behind (it was interrupted): without a checkpoint it starts from epoch 0.
            history.deleteByJobId(jobId);
            if (job.getAttempts() > 0) {
                note = "Restarted from epoch 0: attempt " + (job.getAttempts() + 1) + " after the previous run was interrupted.";
            }
        } else {
            // Epochs recorded after the checkpoint are trained again, so they are dropped rather than repeated.
            history.deleteByJobIdAfter(jobId, checkpoint.epoch());
            note = "Resumed after epoch " + checkpoint.epoch() + " from its checkpoint: attempt " + (job.getAttempts() + 1)
                    + " after the previous run was interrupted.";
        }
        job.start(clock.instant(), note);
        if (checkpoint != null) {
            List<EpochRecord> kept = history.findByJobIdOrderByEpoch(jobId);
            EpochRecord last = kept.isEmpty() ? null : kept.get(kept.size() - 1);
            job.resumeAfter(checkpoint.epoch(), last == null ? null : last.getTrainLoss(), last == null ? null : last.getTestLoss());
        }
        return Optional.of(new Claimed(job.getModelId(), job.getKind(), job.getSpecJson(), checkpoint));
    }

    /**
     * Records epochs and, when given, the checkpoint taken after the last of them, in one transaction, so a crash
     * never leaves a checkpoint ahead of or behind the recorded history. Answers whether training should go on
     * (false once a cancel was requested).
     */
    public boolean recordEpochs(long jobId, java.util.List<EpochStats> epochs, byte[] checkpoint) {
        return retrying(() -> {
            TrainingJob job = jobs.findById(jobId).orElseThrow();
            for (EpochStats stats : epochs) {
                history.save(new EpochRecord(jobId, stats.epoch(), stats.trainLoss(), stats.testLoss(), stats.trainAccuracy(),
                        stats.testAccuracy()));
            }
            EpochStats last = epochs.get(epochs.size() - 1);
            job.progress(last.epoch(), last.trainLoss(), last.testLoss(), clock.instant());
            if (checkpoint != null) {
                checkpoints.write(jobId, last.epoch(), checkpoint, clock.instant());
            }
            return !job.isCancelRequested();
        });
    }

    /** Stores the result ({@code storeVersion} returns the new version's number) and marks success, atomically. */
    public void succeed(long jobId, IntSupplier storeVersion) {
        succeed(jobId, storeVersion, null, null);
    }

    /** As {@link #succeed(long, IntSupplier)}, noting which epoch's weights were kept and why training ended early. */
    public void succeed(long jobId, IntSupplier storeVersion, Integer keptEpoch, String earlyStopNote) {
        retrying(() -> {
            TrainingJob job = jobs.findById(jobId).orElseThrow();
            if (earlyStopNote != null) {
                job.stoppedEarly(keptEpoch);
            } else if (keptEpoch != null) {
                job.keptEpoch(keptEpoch);
            }
            job.finish(JobStatus.SUCCEEDED, earlyStopNote, storeVersion.getAsInt(), clock.instant());
            checkpoints.delete(jobId);
            return null;
        });
    }

    public void fail(long jobId, String reason) {
        update(jobId, job -> {
            job.finish(JobStatus.FAILED, reason, null, clock.instant());
            checkpoints.delete(jobId);
        });
    }

    public void cancelled(long jobId, int epoch) {
        update(jobId, job -> {
            job.finish(JobStatus.CANCELLED, "Cancelled on request after epoch " + epoch + "; no version was stored.", null,
                    clock.instant());
            checkpoints.delete(jobId);
        });
    }

    public void requeueAfterShutdown(long jobId, String reason) {
        update(jobId, job -> job.requeueAfterShutdown(reason));
    }

    /** A queued job is cancelled at once; a running one is asked to stop after its current epoch. */
    public TrainingJob cancel(long jobId) {
        return retrying(() -> {
            TrainingJob job = jobs.findById(jobId).orElseThrow(() -> new NotFoundException("Training job", jobId));
            if (job.getStatus().isFinished()) {
                throw new ConflictException("Training job " + jobId + " has already finished (" + job.getStatus()
                        + "); nothing to cancel.");
            }
            if (job.getStatus() == JobStatus.QUEUED) {
                job.finish(JobStatus.CANCELLED, "Cancelled on request before it started.", null, clock.instant());
                checkpoints.delete(jobId);
            } else {
                job.requestCancel();
            }
            return job;
        });
    }

    private void update(long jobId, Consumer<TrainingJob> change) {
        retrying(() -> {
            jobs.findById(jobId).ifPresent(change);
            return null;
        });
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
                    + "); it resumes from its last checkpoint, or from epoch 0 without one.");
        }
        return stale.size();
    }
}
