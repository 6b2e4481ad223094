package dev.backprop.journey;

import java.time.Duration;

import dev.backprop.engine.Checkpoint;
import dev.backprop.engine.CheckpointingListener;
import dev.backprop.engine.Trainer;
import dev.backprop.engine.TrainingData;
import dev.backprop.model.NetworkDesign;
import dev.backprop.preprocessing.TargetEncoder;
import dev.backprop.support.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;

/**
 * A job that breaks inside the engine fails on its own: FAILED with a reason a person can read (no stack trace), the
 * service stays UP, and the next job on the same worker thread trains normally. NaN losses are covered in
 * TrainingJobLifecycleTest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:job-failures;DB_CLOSE_DELAY=-1",
        "backprop.training.workers=1",
        "backprop.training.poll-interval=100ms"})
class JobFailureJourneyTest {

    @LocalServerPort
    int port;

    @MockitoSpyBean
    Trainer trainer;

    ApiClient api;

    long modelId;

    @BeforeEach
    void aSmallModel() {
        api = new ApiClient(port);
        StringBuilder csv = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i < 80; i++) {
            double a = (i % 9) - 4;
            double b = (i % 7) - 3;
            csv.append(a).append(',').append(b).append(',').append(a + b > 0 ? "yes" : "no").append('\n');
        }
        long datasetId = api.upload("lines.csv", csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), "lines")
                .json().get("id").asLong();
        modelId = api.defineModel("""
                {"datasetId": %d, "target": "label", "layers": [{"type": "dense", "units": 4, "activation": "tanh"}],
                 "epochs": 5, "seed": 1}""".formatted(datasetId)).get("id").asLong();
    }

    @Test
    void anExceptionInsideDl4jFitFailsTheJobAndTheNextJobTrains() {
        // A real DL4J failure inside fit(): labels one column wider than the output layer.
        doAnswer(invocation -> {
            TrainingData data = invocation.getArgument(1);
            TrainingData broken = new TrainingData(data.trainX(), widen(data.trainY()), data.testX(), widen(data.testY()));
            return new Trainer().train(invocation.<NetworkDesign>getArgument(0), broken, invocation.<TargetEncoder>getArgument(2),
                    invocation.<Checkpoint>getArgument(3), invocation.<CheckpointingListener>getArgument(4),
                    invocation.<java.util.concurrent.Executor>getArgument(5));
        }).doCallRealMethod().when(trainer).train(any(NetworkDesign.class), any(), any(), any(), any(CheckpointingListener.class), any());

        JsonNode failed = train();

        assertThat(failed.get("status").asString()).as(failed.toString()).isEqualTo("FAILED");
        assertThat(failed.get("message").asString()).startsWith("Training failed inside the engine: ");
        assertReadable(failed.get("message").asString());
        assertTheServiceGoesOn();
    }

    @Test
    void runningOutOfMemoryFailsTheJobAndTheNextJobTrains() {
        // What JavaCPP throws when an allocation would pass org.bytedeco.javacpp.maxbytes.
        doThrow(new OutOfMemoryError("Cannot allocate new FloatPointer(268435456): totalBytes = 1G, physicalBytes = 2G"))
                .doCallRealMethod().when(trainer).train(any(NetworkDesign.class), any(), any(), any(), any(CheckpointingListener.class), any());

        JsonNode failed = train();

        assertThat(failed.get("status").asString()).as(failed.toString()).isEqualTo("FAILED");
        assertThat(failed.get("message").asString()).startsWith("Ran out of memory while training");
        assertReadable(failed.get("message").asString());
        assertTheServiceGoesOn();
    }

    private JsonNode train() {
        String location = api.postJson("/api/models/" + modelId + "/training-jobs", "").header("Location");
        return api.awaitJob(location, Duration.ofMinutes(2));
    }

    private void assertTheServiceGoesOn() {
        JsonNode health = api.get("/actuator/health").json();
        assertThat(health.get("status").asString()).as(health.toString()).isEqualTo("UP");
        JsonNode next = train();
        assertThat(next.get("status").asString()).as(next.toString()).isEqualTo("SUCCEEDED");
        assertThat(next.get("history").size()).isEqualTo(5);
    }

    private static void assertReadable(String message) {
        assertThat(message).doesNotContain("\tat ", "\n", "Caused by").hasSizeLessThan(600);
    }

    private static float[][] widen(float[][] rows) {
        float[][] wider = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            wider[i] = java.util.Arrays.copyOf(rows[i], rows[i].length + 1);
        }
        return wider;
    }
}
