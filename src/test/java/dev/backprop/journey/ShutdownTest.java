package dev.backprop.journey;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import dev.backprop.BackpropApplication;
import dev.backprop.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A clean shutdown lets the running epoch end and leaves the job queued, so the next start picks it up again. */
class ShutdownTest {

    @TempDir
    Path directory;

    @Test
    void aJobRunningAtShutdownIsRequeuedAndRunsAgainAfterTheRestart() throws Exception {
        String url = "jdbc:h2:file:" + directory.resolve("backprop") + ";DB_CLOSE_ON_EXIT=FALSE";
        long jobId;
        try (ConfigurableApplicationContext first = start(url)) {
            ApiClient api = client(first);
            long datasetId = api.upload("train.csv", ApiClient.resource("/data/titanic/train.csv"), "titanic")
                    .json().get("id").asLong();
            long modelId = api.postJson("/api/models", """
                    {"datasetId": %d, "target": "Survived", "exclude": ["PassengerId", "Name", "Ticket", "Cabin"],
                     "layers": [{"type": "dense", "units": 8, "activation": "relu"}], "epochs": 5000}""".formatted(datasetId))
                    .json().get("id").asLong();
            String location = api.postJson("/api/models/" + modelId + "/training-jobs", "").header("Location");
            jobId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
            awaitEpoch(api, location);
        }

        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement();
                ResultSet job = statement.executeQuery("select status, attempts, message from training_job where id = " + jobId)) {
            assertThat(job.next()).isTrue();
            assertThat(job.getString("status")).isEqualTo("QUEUED");
            assertThat(job.getInt("attempts")).isZero();
            assertThat(job.getString("message")).contains("shut down");
        }

        try (ConfigurableApplicationContext second = start(url)) {
            ApiClient api = client(second);
            String location = "/api/training-jobs/" + jobId;
            JsonNode running = awaitEpoch(api, location);
            assertThat(running.get("attempts").asInt()).isEqualTo(1);
            api.postJson(location + "/cancel", "");
            assertThat(api.awaitJob(location, Duration.ofMinutes(1)).get("status").asString()).isEqualTo("CANCELLED");
        }
    }

    private static JsonNode awaitEpoch(ApiClient api, String location) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = api.get(location + "?history=false").json();
            if ("RUNNING".equals(job.get("status").asString()) && job.get("epoch").asInt() > 0) {
                return job;
            }
            ApiClient.sleep(Duration.ofMillis(100));
        }
        throw new AssertionError("job never started running: " + api.get(location).body());
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(BackpropApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + url, "--backprop.training.poll-interval=200ms");
    }

    private static ApiClient client(ConfigurableApplicationContext context) {
        return new ApiClient(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }
}
