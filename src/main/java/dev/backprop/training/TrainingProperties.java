package dev.backprop.training;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The training worker pool ({@code backprop.training.*}).
 *
 * @param workers           jobs trained at the same time (each uses one core well; keep one core for predictions)
 * @param threadsPerJob     native (ND4J/OpenMP/BLAS) threads one operation may use; process-wide, so it caps DL4J
 *                          predictions too. Workers × this should leave a core for the request threads
 * @param maxQueued         queued jobs accepted before new submissions get 503 + Retry-After
 * @param pollInterval      how often idle workers look for queued jobs
 * @param heartbeatInterval how often a running job proves it is alive
 * @param staleAfter        a RUNNING job without a heartbeat for this long is considered interrupted and re-queued
 * @param maxAttempts       interrupted runs before a job is failed instead of re-queued
 * @param shutdownWait      how long a shutdown waits for running jobs to finish their epoch and re-queue themselves
 * @param checkpointEvery   a running job stores a checkpoint every this many epochs, so a re-queued job resumes
 *                          from it (0: never; such jobs restart from epoch 0)
 * @param checkpointMinInterval at least this long between two checkpoints of a job, and at least 50 times as long as
 *                          the last checkpoint cost the training thread, so checkpoints of fast epochs cost it 2% at most
 */
@ConfigurationProperties("backprop.training")
public record TrainingProperties(Integer workers, Integer threadsPerJob, Integer maxQueued, Duration pollInterval,
        Duration heartbeatInterval, Duration staleAfter, Integer maxAttempts, Duration shutdownWait, Integer checkpointEvery,
        Duration checkpointMinInterval) {

    public TrainingProperties {
        workers = workers == null ? 1 : workers;
        threadsPerJob = threadsPerJob == null ? 1 : threadsPerJob;
        if (workers < 1 || threadsPerJob < 1) {
            throw new IllegalArgumentException("backprop.training.workers and threads-per-job must be at least 1");
        }
        maxQueued = maxQueued == null ? 20 : maxQueued;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(5) : heartbeatInterval;
        staleAfter = staleAfter == null ? Duration.ofSeconds(30) : staleAfter;
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        shutdownWait = shutdownWait == null ? Duration.ofSeconds(30) : shutdownWait;
        checkpointEvery = checkpointEvery == null ? 1 : checkpointEvery;
        checkpointMinInterval = checkpointMinInterval == null ? Duration.ofSeconds(1) : checkpointMinInterval;
    }
}
