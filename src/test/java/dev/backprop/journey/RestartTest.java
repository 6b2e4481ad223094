package dev.backprop.journey;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
 * What survives a restart on the same database: stored models serve identical probabilities from a fresh
 * application context, a queued job is run, and a job left RUNNING by a crashed process is re-queued and run
 * again instead of staying RUNNING forever. Also: same seed and data give the same metrics.
 */
class RestartTest {

    private static final String ROWS = """
            [{"Pclass": 1, "Sex": "female", "Age": 29, "SibSp": 0, "Parch": 0, "Fare": 80, "Embarked": "S"},
             {"Pclass": 3, "Sex": "male", "Age": 25, "SibSp": 0, "Parch": 0, "Fare": 7.9, "Embarked": "S"},
             {"Pclass": 2, "Sex": "male", "Age": "", "SibSp": 1, "Parch": 2, "Fare": 30, "Embarked": ""},
             {"Pclass": 3, "Sex": "female", "Age": 4, "SibSp": 1, "Parch": 1, "Fare": 16.7, "Embarked": "Q"}]""";

    @TempDir
    Path directory;

    @Test
    void storedModelsAndQueuedOrInterruptedJobsSurviveARestart() throws Exception {
        String url = "jdbc:h2:file:" + directory.resolve("backprop") + ";DB_CLOSE_ON_EXIT=FALSE";
        long modelId;
        List<Double> before;
        try (ConfigurableApplicationContext first = start(url)) {
            ApiClient api = client(first);
            long datasetId = api.uploadId("train.csv", ApiClient.resource("/data/titanic/train.csv"), "titanic");
            modelId = api.postJson("/api/models", """
                    {"datasetId": %d, "target": "Survived", "exclude": ["PassengerId", "Name", "Ticket", "Cabin"],
                     "layers": [{"type": "dense", "units": 16, "activation": "relu"}, {"type": "dropout", "rate": 0.2}],
                     "epochs": 15, "seed": 3}""".formatted(datasetId)).json().get("id").asLong();
            JsonNode firstRun = train(api, modelId);
            JsonNode secondRun = train(api, modelId);
            assertThat(secondRun.get("history").toString())
                    .as("same seed and data give the same history").isEqualTo(firstRun.get("history").toString());
            assertThat(api.get("/api/models/" + modelId + "/versions/2").json().get("metrics").toString())
                    .isEqualTo(api.get("/api/models/" + modelId + "/versions/1").json().get("metrics").toString());
            before = probabilities(api, modelId);
        }

        long interrupted = insertJobLeftRunningByACrashedProcess(url, modelId);
        long queued = insertQueuedJobWithoutQueueEntry(url, modelId);

        try (ConfigurableApplicationContext second = start(url)) {
            ApiClient api = client(second);
            assertThat(probabilities(api, modelId)).isEqualTo(before);

            JsonNode recovered = api.awaitJob("/api/training-jobs/" + interrupted, Duration.ofMinutes(2));
            assertThat(recovered.get("status").asString()).as(recovered.toString()).isEqualTo("SUCCEEDED");
            assertThat(recovered.get("attempts").asInt()).isEqualTo(2);
            assertThat(recovered.get("message").asString()).contains("interrupted");
            assertThat(recovered.get("history").size()).isEqualTo(15);

            JsonNode ranLater = api.awaitJob("/api/training-jobs/" + queued, Duration.ofMinutes(2));
            assertThat(ranLater.get("status").asString()).as(ranLater.toString()).isEqualTo("SUCCEEDED");
            assertThat(api.get("/api/models/" + modelId).json().get("latestVersion").asInt()).isEqualTo(4);
        }
    }

    private static ConfigurableApplicationContext start(String url) {
        // Command-line arguments, because default properties would lose against application.properties.
        return new SpringApplicationBuilder(BackpropApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--backprop.training.poll-interval=200ms",
                "--backprop.training.heartbeat-interval=1s",
                "--backprop.training.stale-after=4s");
    }

    private static ApiClient client(ConfigurableApplicationContext context) {
        return new ApiClient(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    private static JsonNode train(ApiClient api, long modelId) {
        String location = api.postJson("/api/models/" + modelId + "/training-jobs", "").header("Location");
        JsonNode job = api.awaitJob(location, Duration.ofMinutes(2));
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        return job;
    }

    private static List<Double> probabilities(ApiClient api, long modelId) {
        ApiClient.Response response = api.postJson("/api/models/" + modelId + "/predictions?version=1", ROWS);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<Double> probabilities = new ArrayList<>();
        response.json().get("rows").forEach(row -> probabilities.add(row.get("probability").asDouble()));
        assertThat(probabilities).hasSize(4).allSatisfy(p -> assertThat(p).isBetween(0.0, 1.0));
        return probabilities;
    }

    /** The rows a process killed mid-training leaves: the job RUNNING and its queue entry picked, both with old heartbeats. */
    private static long insertJobLeftRunningByACrashedProcess(String url, long modelId) throws Exception {
        OffsetDateTime longAgo = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            long id = insertJob(connection, modelId, "RUNNING", 1, longAgo);
            try (PreparedStatement task = connection.prepareStatement("""
                    insert into scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by, last_heartbeat, version)
                    values ('training-job', ?, ?, true, 'crashed-host', ?, 2)""")) {
                task.setString(1, Long.toString(id));
                task.setObject(2, longAgo);
                task.setObject(3, longAgo);
                task.executeUpdate();
            }
            return id;
        }
    }

    private static long insertQueuedJobWithoutQueueEntry(String url, long modelId) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            return insertJob(connection, modelId, "QUEUED", 0, null);
        }
    }

    private static long insertJob(Connection connection, long modelId, String status, int attempts, OffsetDateTime heartbeat)
            throws Exception {
        try (PreparedStatement job = connection.prepareStatement("""
                insert into training_job (model_id, status, epoch, epochs, attempts, cancel_requested, created_at, started_at, heartbeat_at)
                values (?, ?, 3, 15, ?, false, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
            job.setLong(1, modelId);
            job.setString(2, status);
            job.setInt(3, attempts);
            job.setObject(4, OffsetDateTime.now(ZoneOffset.UTC).minusHours(2));
            job.setObject(5, heartbeat);
            job.setObject(6, heartbeat);
            job.executeUpdate();
            try (ResultSet keys = job.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
