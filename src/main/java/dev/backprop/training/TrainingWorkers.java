package dev.backprop.training;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.backprop.engine.NativeThreads;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The worker pool: db-scheduler claims queued executions from the database (so two workers never take the same
 * job), heartbeats them, and revives executions whose process died. Our {@link TrainingJob} row carries the
 * user-visible status; the scheduler row is the queue entry.
 * <p>
 * Jobs run only on the pool's own threads ({@code training-worker-N}); predictions run on the request threads. ND4J's
 * native threads per operation are capped at {@code threads-per-job}, so {@code workers} jobs use about
 * {@code workers × threads-per-job} cores and the rest stay free for requests.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TrainingWorkers {

    static final String TASK_NAME = "training-job";

    private static final Logger log = LoggerFactory.getLogger(TrainingWorkers.class);

    @Bean
    OneTimeTask<Void> trainingTask(TrainingRun run) {
        return Tasks.oneTime(TASK_NAME)
                .onDeadExecutionRevive()
                // Only a shutdown makes a run throw (every real failure ends the job as FAILED): run it again soon.
                .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(2)))
                .execute((instance, context) -> run.run(Long.parseLong(instance.getId())));
    }

    @Bean(destroyMethod = "stop")
    Scheduler trainingScheduler(DataSource dataSource, OneTimeTask<Void> trainingTask, TrainingProperties properties) {
        NativeThreads.limit(properties.threadsPerJob());
        // The proxy lets a submission write the job row and its queue entry in one transaction.
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), trainingTask)
                // threads() as well: db-scheduler sizes how many due executions it fetches at once by it.
                .threads(properties.workers())
                .executorService(workerThreads(properties.workers()))
                .pollingInterval(properties.pollInterval())
                .heartbeatInterval(properties.heartbeatInterval())
                .missedHeartbeatsLimit(Math.max(4, (int) (properties.staleAfter().toMillis() / properties.heartbeatInterval().toMillis())))
                .enableImmediateExecution()
                .alwaysPersistTimestampInUTC()
                .shutdownMaxWait(properties.shutdownWait())
                .build();
    }

    /**
     * The scheduler shuts this pool down when it stops, after waiting for running jobs. Daemon threads, so a pool
     * whose scheduler never started (a failed start-up) cannot keep the JVM alive.
     */
    private static ExecutorService workerThreads(int workers) {
        AtomicInteger number = new AtomicInteger();
        ThreadFactory named = task -> {
            Thread thread = new Thread(task, "training-worker-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return Executors.newFixedThreadPool(workers, named);
    }

    @Bean
    WorkerLifecycle trainingWorkerLifecycle(Scheduler trainingScheduler, OneTimeTask<Void> trainingTask,
            TrainingJobRepository jobs, JobLedger ledger, TrainingRun run, TrainingProperties properties) {
        return new WorkerLifecycle(trainingScheduler, trainingTask, jobs, ledger, run, properties.workers());
    }

    /** Starts the pool once the application (and its schema) is ready, and keeps running jobs' heartbeats fresh. */
    static class WorkerLifecycle {

        private final Scheduler scheduler;
        private final OneTimeTask<Void> task;
        private final TrainingJobRepository jobs;
        private final JobLedger ledger;
        private final TrainingRun run;
        private final int workers;
        private volatile boolean started;

        WorkerLifecycle(Scheduler scheduler, OneTimeTask<Void> task, TrainingJobRepository jobs, JobLedger ledger,
                TrainingRun run, int workers) {
            this.scheduler = scheduler;
            this.task = task;
            this.jobs = jobs;
            this.ledger = ledger;
            this.run = run;
            this.workers = workers;
        }

        @EventListener(ApplicationReadyEvent.class)
        void start() {
            int requeued = ledger.requeueStale();
            // A queued job whose queue entry is missing (e.g. written by an older version) is queued again.
            jobs.findByStatus(JobStatus.QUEUED).forEach(job ->
                    scheduler.scheduleIfNotExists(task.instance(Long.toString(job.getId())), java.time.Instant.now()));
            scheduler.start();
            started = true;
            log.info("Training workers started: {} worker thread(s), {} ({} interrupted jobs re-queued)", workers,
                    NativeThreads.current(), requeued);
        }

        @PreDestroy
        void stop() {
            run.shutDown();
        }

        boolean isStarted() {
            return started && scheduler.getSchedulerState().isStarted() && !scheduler.getSchedulerState().isShuttingDown();
        }

        @Scheduled(fixedDelayString = "${backprop.training.heartbeat-interval:5s}")
        void heartbeat() {
            if (started) {
                ledger.heartbeat(run.running());
                ledger.requeueStale();
            }
        }
    }
}
