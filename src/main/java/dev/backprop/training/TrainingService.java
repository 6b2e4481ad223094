package dev.backprop.training;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dev.backprop.model.ModelPlan;
import dev.backprop.model.ModelService;
import dev.backprop.shared.BusyException;
import dev.backprop.shared.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    TrainingService(TrainingJobRepository jobs, EpochRecordRepository history, ModelService models, Scheduler scheduler,
            OneTimeTask<Void> task, TrainingProperties properties, Clock clock, JobLedger ledger) {
        this.ledger = ledger;
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
        long queued = jobs.countByStatus(JobStatus.QUEUED);
        if (queued >= properties.maxQueued()) {
            throw new BusyException("The training queue is full (" + queued + " jobs waiting; backprop.training.max-queued = "
                    + properties.maxQueued() + "). Retry later.", Duration.ofSeconds(30));
        }
        TrainingJob job = jobs.save(new TrainingJob(modelId, plan.design().epochs(), clock.instant()));
        scheduler.schedule(task.instance(Long.toString(job.getId())), Instant.now());
        return view(job, false);
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

    /** A queued job is cancelled at once; a running one stops at the end of its current epoch. */
    public JobView cancel(long jobId) {
        return view(ledger.cancel(jobId), false);
    }

    private TrainingJob find(long jobId) {
        return jobs.findById(jobId).orElseThrow(() -> new NotFoundException("Training job", jobId));
    }

    private JobView view(TrainingJob job, boolean withHistory) {
        return JobView.of(job, withHistory
                ? history.findByJobIdOrderByEpoch(job.getId()).stream()
                        .map(e -> new JobView.EpochView(e.getEpoch(), e.getTrainLoss(), e.getTestLoss(), e.getTrainAccuracy(),
                                e.getTestAccuracy()))
                        .toList()
                : null, clock.instant());
    }
}
