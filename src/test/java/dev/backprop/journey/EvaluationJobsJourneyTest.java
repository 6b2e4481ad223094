package dev.backprop.journey;

import java.time.Duration;

import dev.backprop.support.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Cross-validation and tuning over HTTP, on the course's Titanic networks. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:evaluation-jobs;DB_CLOSE_DELAY=-1",
        "backprop.training.poll-interval=100ms"})
class EvaluationJobsJourneyTest {

    @LocalServerPort
    int port;

    ApiClient api;
    long datasetId;

    @BeforeEach
    void upload() {
        api = new ApiClient(port);
        datasetId = api.upload("processed_data.csv", ApiClient.resource("/data/titanic/processed_data.csv"), "processed")
                .json().get("id").asLong();
    }

    @Test
    void fiveFoldCrossValidationOfTheCourseNetworkMatchesTheCourse() {
        long modelId = api.defineModel("""
                {"datasetId": %d, "target": "Survived", "exclude": ["PassengerId"], "preprocessing": {"scaling": "minmax"},
                 "layers": [{"type": "dense", "units": 240, "activation": "relu"}, {"type": "batch_norm"},
                            {"type": "dropout", "rate": 0.2}, {"type": "dense", "units": 50, "activation": "relu"}],
                 "optimizer": {"type": "adam", "learningRate": 0.003}, "batchSize": 512, "epochs": 150}"""
                .formatted(datasetId)).get("id").asLong();

        ApiClient.Response submitted = api.postJson("/api/models/" + modelId + "/cross-validations", "{\"folds\": 5}");
        assertThat(submitted.status()).isEqualTo(202);
        assertThat(submitted.json().get("kind").asString()).isEqualTo("CROSS_VALIDATION");
        JsonNode job = api.awaitJob(submitted.header("Location"), Duration.ofMinutes(5));

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        JsonNode result = job.get("result");
        assertThat(result.get("perFold").size()).isEqualTo(5);
        assertThat(result.get("perFold").get(0).get("test").get("rows").asInt()).isBetween(175, 181);
        assertThat(result.get("mean").get("accuracy").asDouble()).as("course: 0.806").isBetween(0.776, 0.836);
        assertThat(result.get("mean").get("rocAuc").asDouble()).isGreaterThanOrEqualTo(0.80);
        assertThat(result.get("std").get("accuracy").asDouble()).isGreaterThan(0.0);
        assertThat(result.get("baselineMean").get("accuracy").asDouble()).as("course: 0.796").isBetween(0.766, 0.826);
        String chart = job.get("links").get("foldsChart").asString();
        ApiClient.Response svg = api.get(chart);
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.body()).contains("<title>Cross-validation, 5 folds");
    }

    @Test
    void tuningL2RanksTheCandidatesAndPromotesTheBest() {
        long modelId = api.defineModel("""
                {"datasetId": %d, "target": "Survived", "exclude": ["PassengerId"],
                 "layers": [{"type": "dense", "units": 32, "activation": "relu"}],
                 "optimizer": {"type": "adam", "learningRate": 0.003}, "batchSize": 64, "epochs": 15, "seed": 3}"""
                .formatted(datasetId)).get("id").asLong();

        ApiClient.Response submitted = api.postJson("/api/models/" + modelId + "/tuning-jobs",
                "{\"space\": {\"l2\": [0.1, 0.01, 0.001, 0.0001, 0.00001, 0.000001]}}");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        JsonNode job = api.awaitJob(submitted.header("Location"), Duration.ofMinutes(3));

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        JsonNode leaderboard = job.get("result").get("leaderboard");
        assertThat(job.get("result").get("metric").asString()).isEqualTo("rocAuc");
        assertThat(leaderboard.size()).isEqualTo(6);
        for (int i = 1; i < leaderboard.size(); i++) {
            assertThat(leaderboard.get(i).get("rank").asInt()).isEqualTo(i + 1);
            assertThat(leaderboard.get(i).get("score").asDouble()).isLessThanOrEqualTo(leaderboard.get(i - 1).get("score").asDouble());
        }
        double bestL2 = leaderboard.get(0).get("values").get("l2").asDouble();

        ApiClient.Response promoted = api.postJson("/api/training-jobs/" + job.get("id").asLong() + "/promote", "{\"rank\": 1}");
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(202);
        JsonNode training = api.awaitJob(promoted.header("Location"), Duration.ofMinutes(2));
        assertThat(training.get("status").asString()).isEqualTo("SUCCEEDED");
        JsonNode model = api.get("/api/models/" + training.get("modelId").asLong()).json();
        assertThat(model.get("definition").get("l2").asDouble()).isEqualTo(bestL2);
        assertThat(model.get("name").asString()).contains("tuned: l2=");
        assertThat(model.get("latestVersion").asInt()).isEqualTo(1);
        assertThat(api.testMetrics(training.get("modelId").asLong(), 1).get("rocAuc").asDouble())
                .as("the promoted version reproduces the candidate's held-out score (same split and seed)")
                .isEqualTo(leaderboard.get(0).get("score").asDouble());
    }

    @Test
    void aCrossValidationShowsItsProgressAndCanBeCancelled() {
        long modelId = api.defineModel(("{\"datasetId\": %d, \"target\": \"Survived\", \"exclude\": [\"PassengerId\"],"
                + " \"layers\": [{\"type\": \"dense\", \"units\": 64, \"activation\": \"relu\"}], \"epochs\": 3000}")
                .formatted(datasetId)).get("id").asLong();
        String location = api.postJson("/api/models/" + modelId + "/cross-validations", "{\"folds\": 4}").header("Location");
        JsonNode running = api.get(location).json();
        for (int i = 0; i < 300 && !"fold 1 of 4".equals(running.path("progress").asString()); i++) {
            ApiClient.sleep(Duration.ofMillis(100));
            running = api.get(location).json();
        }
        assertThat(running.get("progress").asString()).isEqualTo("fold 1 of 4");

        api.postJson(location + "/cancel", "");
        JsonNode cancelled = api.awaitJob(location, Duration.ofMinutes(1));
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.has("result")).isFalse();
    }

    @Test
    void aSpaceThatCannotBeTunedIsRefused() {
        long modelId = api.defineModel("{\"datasetId\": %d, \"target\": \"Survived\", \"exclude\": [\"PassengerId\"]}"
                .formatted(datasetId)).get("id").asLong();
        ApiClient.Response refused = api.postJson("/api/models/" + modelId + "/tuning-jobs", "{\"space\": {\"momentum\": [0.9]}}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("$.space.momentum").contains("cannot be tuned");
    }
}
