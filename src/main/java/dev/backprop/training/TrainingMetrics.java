package dev.backprop.training;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.backprop.engine.EpochStats;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Training as Prometheus sees it: jobs by state and the queue depth (refreshed from the database, so every
 * replica reports the shared queue), epoch durations, and the current losses of the jobs running here.
 */
@Component
class TrainingMetrics {

    private final MeterRegistry registry;
    private final TrainingJobRepository jobs;
    private final Map<JobStatus, AtomicLong> byState = new EnumMap<>(JobStatus.class);
    private final Map<Long, double[]> losses = new ConcurrentHashMap<>();
    private final Timer epochs;

    TrainingMetrics(MeterRegistry registry, TrainingJobRepository jobs) {
        this.registry = registry;
        this.jobs = jobs;
        for (JobStatus status : JobStatus.values()) {
            AtomicLong count = new AtomicLong();
            byState.put(status, count);
            Gauge.builder("backprop.training.jobs", count, AtomicLong::get)
                    .description("Training jobs in the database by state")
                    .tag("state", status.name().toLowerCase(java.util.Locale.ROOT))
                    .register(registry);
        }
        Gauge.builder("backprop.training.queue.depth", byState.get(JobStatus.QUEUED), AtomicLong::get)
                .description("Jobs waiting for a worker")
                .register(registry);
        this.epochs = Timer.builder("backprop.training.epoch")
                .description("Duration of one training epoch, evaluation included")
                .publishPercentileHistogram()
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${backprop.training.heartbeat-interval:5s}", initialDelay = 1000)
    void refresh() {
        for (JobStatus status : JobStatus.values()) {
            byState.get(status).set(jobs.countByStatus(status));
        }
    }

    void epochFinished(long jobId, EpochStats stats, Duration took) {
        epochs.record(took);
        double[] current = losses.computeIfAbsent(jobId, id -> {
            double[] holder = {Double.NaN, Double.NaN};
            Gauge.builder("backprop.training.loss", holder, h -> h[0]).tag("job", Long.toString(id)).tag("part", "train")
                    .description("Latest loss of a running job").register(registry);
            Gauge.builder("backprop.training.loss", holder, h -> h[1]).tag("job", Long.toString(id)).tag("part", "test")
                    .description("Latest loss of a running job").register(registry);
            return holder;
        });
        current[0] = stats.trainLoss();
        current[1] = stats.testLoss();
    }

    void jobEnded(long jobId) {
        if (losses.remove(jobId) != null) {
            registry.find("backprop.training.loss").tag("job", Long.toString(jobId)).meters().forEach(registry::remove);
        }
    }
}
