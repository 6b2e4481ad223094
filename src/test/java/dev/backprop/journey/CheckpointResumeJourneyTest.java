package dev.backprop.journey;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.backprop.BackpropApplication;
import dev.backprop.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job interrupted after epoch k (here by a shutdown) keeps its checkpoint and its first k epochs; after the restart
 * it goes on with epoch k + 1, and with the same seed it ends exactly like an uninterrupted job of the same model:
 * the same loss and accuracy every epoch, the same metrics. The checkpoint is gone once the job has ended.
 */
class CheckpointResumeJourneyTest {

    @TempDir
    Path directory;

    @Test
    void aJobInterruptedAfterEpochKResumesAtKPlusOneAndEndsLikeAnUninterruptedRun() throws Exception {
        String url = "jdbc:h2:file:" + directory.resolve("backprop") + ";DB_CLOSE_ON_EXIT=FALSE";
        long modelId;
        long jobId;
        JsonNode uninterrupted;
        int k;
        try (ConfigurableApplicationContext first = start(url)) {
            ApiClient api = client(first);
            long datasetId = api.uploadId("train.csv", ApiClient.resource("/data/titanic/train.csv"), "titanic");
            modelId = api.postJson("/api/models", """
                    {"datasetId": %d, "target": "Survived", "exclude": ["PassengerId", "Name", "Ticket", "Cabin"],
                     "layers": [{"type": "dense", "units": 16, "activation": "relu"}, {"type": "dropout", "rate": 0.3}],
                     "epochs": 40, "seed": 5}""".formatted(datasetId)).json().get("id").asLong();
            uninterrupted = api.awaitJob(api.postJson("/api/models/" + modelId + "/training-jobs", "").header("Location"),
                    Duration.ofMinutes(3));
            assertThat(uninterrupted.get("status").asString()).as(uninterrupted.toString()).isEqualTo("SUCCEEDED");

            String location = api.postJson("/api/models/" + modelId + "/training-jobs", "").header("Location");
            jobId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
            awaitEpoch(api, location, 3);
        }

        List<Long> keptRows;
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            k = checkpointEpoch(connection, jobId);
            assertThat(k).as("a shutdown stores the checkpoint of the last finished epoch").isGreaterThanOrEqualTo(3);
            keptRows = epochRowIds(connection, jobId);
            assertThat(keptRows).as("history and checkpoint are written together").hasSize(k);
        }

        try (ConfigurableApplicationContext second = start(url)) {
            ApiClient api = client(second);
            JsonNode resumed = api.awaitJob("/api/training-jobs/" + jobId, Duration.ofMinutes(3));
            assertThat(resumed.get("status").asString()).as(resumed.toString()).isEqualTo("SUCCEEDED");
            assertThat(resumed.get("message").asString()).contains("Resumed after epoch " + k + " from its checkpoint");
            assertThat(resumed.get("history").toString()).as("the same history, epoch for epoch")
                    .isEqualTo(uninterrupted.get("history").toString());
            assertThat(api.get("/api/models/" + modelId + "/versions/2").json().get("metrics").toString())
                    .isEqualTo(api.get("/api/models/" + modelId + "/versions/1").json().get("metrics").toString());
        }

        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            List<Long> rows = epochRowIds(connection, jobId);
            assertThat(rows).hasSize(40);
            assertThat(rows.subList(0, k)).as("epochs 1..k were not trained again").isEqualTo(keptRows);
            assertThat(checkpointEpoch(connection, jobId)).as("no checkpoint left once the job ended").isEqualTo(-1);
        }
    }

    private static int checkpointEpoch(Connection connection, long jobId) throws Exception {
        try (PreparedStatement query = connection.prepareStatement("select epoch from training_checkpoint where job_id = ?")) {
            query.setLong(1, jobId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getInt(1) : -1;
            }
        }
    }

    private static List<Long> epochRowIds(Connection connection, long jobId) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("select id from training_epoch where job_id = ? order by epoch")) {
            query.setLong(1, jobId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    private static void awaitEpoch(ApiClient api, String location, int epoch) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = api.get(location + "?history=false").json();
            if ("RUNNING".equals(job.get("status").asString()) && job.get("epoch").asInt() >= epoch) {
                return;
            }
            ApiClient.sleep(Duration.ofMillis(20));
        }
        throw new AssertionError("job never reached epoch " + epoch + ": " + api.get(location).body());
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(BackpropApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + url, "--backprop.training.poll-interval=200ms");
    }

    private static ApiClient client(ConfigurableApplicationContext context) {
        return new ApiClient(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }
}
