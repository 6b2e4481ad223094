package dev.backprop.training;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import dev.backprop.dataset.DatasetService;
import dev.backprop.model.ModelDefinition;
import dev.backprop.model.ModelService;
import dev.backprop.shared.BusyException;
import dev.backprop.shared.ConflictException;
import dev.backprop.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** A job's life on the worker pool: queue limits, cancel while queued or running, divergence and a failing database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.datasource.url=jdbc:h2:mem:lifecycle;DB_CLOSE_DELAY=-1",
        "backprop.training.workers=1",
        "backprop.training.max-queued=1",
        "backprop.training.poll-interval=100ms"})
class TrainingJobLifecycleTest {

    @Autowired
    DatasetService datasets;

    @Autowired
    ModelService models;

    @Autowired
    TrainingService training;

    /** The real runs, watched: a cancel of a job running here must reach it in-process. */
    @MockitoSpyBean
    TrainingRun runs;

    /** The real ledger, one of whose writes a test makes fail as a database would. */
    @MockitoSpyBean
    JobLedger ledger;

    @Test
    void aFullQueueRefusesAndCancellingStopsQueuedAndRunningJobs() {
        long datasetId = datasets.upload("lines", "lines.csv", linearCsv(1).getBytes(StandardCharsets.UTF_8)).id();
        long modelId = models.define(definition(datasetId, "standard", "adam", 0.01, 5000)).id();

        JobView running = training.submit(modelId);
        awaitUntil(running.id(), job -> job.status() == JobStatus.RUNNING && job.epoch() > 0);
        JobView queued = training.submit(modelId);
        assertThat(queued.status()).isEqualTo(JobStatus.QUEUED);
        assertThatThrownBy(() -> training.submit(modelId)).isInstanceOf(BusyException.class)
                .hasMessageContaining("max-queued = 1");

        assertThat(training.cancel(queued.id()).status()).isEqualTo(JobStatus.CANCELLED);
        training.cancel(running.id());
        verify(runs).cancelRequested(running.id());
        verify(runs, never()).cancelRequested(queued.id());
        JobView cancelled = awaitUntil(running.id(), job -> job.status().isFinished());

        assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(cancelled.epoch()).isLessThan(5000);
        assertThat(cancelled.message()).contains("Cancelled on request after epoch");
        assertThat(cancelled.modelVersion()).isNull();
        assertThat(models.versions(modelId)).isEmpty();
        assertThatThrownBy(() -> training.cancel(cancelled.id())).isInstanceOf(ConflictException.class);
        // The queued job was never started, even though its queue entry was picked up after the cancel.
        assertThat(training.get(queued.id(), true).attempts()).isZero();
    }

    @Test
    void aLossThatBecomesInfiniteFailsTheJobWithAReasonThatSaysSo() {
        long datasetId = datasets.upload("huge", "huge.csv", linearCsv(100_000).getBytes(StandardCharsets.UTF_8)).id();
        long modelId = models.define(definition(datasetId, "none", "sgd", 1.0, 5)).id();

        JobView failed = awaitUntil(training.submit(modelId).id(), job -> job.status().isFinished());

        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.message()).containsPattern("loss became (NaN|Infinity|-Infinity)").contains("diverged");
        assertThat(models.versions(modelId)).isEmpty();
    }

    @Test
    void aDatabaseFailureWhileStoringProgressFailsTheJobWithAReasonThatSaysSoAndTheNextJobTrains() {
        long datasetId = datasets.upload("progress", "progress.csv", linearCsv(1).getBytes(StandardCharsets.UTF_8)).id();
        long modelId = models.define(definition(datasetId, "standard", "adam", 0.01, 5)).id();
        doThrow(new DataAccessResourceFailureException("Connection is not available, request timed out after 30000ms"))
                .doCallRealMethod().when(ledger).recordEpochs(anyLong(), anyList(), any());

        JobView failed = awaitUntil(training.submit(modelId).id(), job -> job.status().isFinished());

        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.message()).startsWith("Training stopped: the database failed while the job ran")
                .contains("DataAccessResourceFailureException").contains("start the job again")
                .doesNotContain("30000ms", "inside the engine");
        assertThat(models.versions(modelId)).isEmpty();
        JobView next = awaitUntil(training.submit(modelId).id(), job -> job.status().isFinished());
        assertThat(next.status()).as(next.toString()).isEqualTo(JobStatus.SUCCEEDED);
    }

    private JobView awaitUntil(long jobId, Predicate<JobView> condition) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        JobView job = training.get(jobId, false);
        while (!condition.test(job)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Job never reached the expected state: " + job);
            }
            ApiClient.sleep(Duration.ofMillis(50));
            job = training.get(jobId, false);
        }
        return job;
    }

    private static String linearCsv(double scale) {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 1; i <= 40; i++) {
            csv.append(i * scale).append(',').append(3 * i * scale + (i % 3)).append('\n');
        }
        return csv.toString();
    }

    private static ModelDefinition definition(long datasetId, String scaling, String optimizer, double learningRate, int epochs) {
        return new ModelDefinition(null, datasetId, "y", null, null, null, null,
                new ModelDefinition.Preprocessing(scaling, null), List.of(new ModelDefinition.Layer("dense", 8, "relu", null)),
                null, null, new ModelDefinition.Optimizer(optimizer, learningRate), null, 8, epochs, 0.25, 1L);
    }
}
