package dev.backprop.journey;

import java.time.Duration;

import dev.backprop.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The course's overfitting example: three layers of 128 without dropout, 250 epochs on the Titanic 75/25 split.
 * The version says so, and carries the detailed binary metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:overfitting;DB_CLOSE_DELAY=-1",
        "backprop.training.poll-interval=100ms"})
class OverfittingJourneyTest {

    @LocalServerPort
    int port;

    @Test
    void threeByOneHundredTwentyEightFor250EpochsIsFlaggedAsOverfitting() {
        ApiClient api = new ApiClient(port);
        long datasetId = api.upload("processed_data.csv", ApiClient.resource("/data/titanic/processed_data.csv"), "processed")
                .json().get("id").asLong();
        long modelId = api.defineModel("""
                {"datasetId": %d, "target": "Survived", "exclude": ["PassengerId"], "preprocessing": {"scaling": "minmax"},
                 "layers": [{"type": "dense", "units": 128, "activation": "relu"},
                            {"type": "dense", "units": 128, "activation": "relu"},
                            {"type": "dense", "units": 128, "activation": "relu"}],
                 "optimizer": {"type": "adam", "learningRate": 0.003}, "batchSize": 64, "epochs": 250, "seed": 42}"""
                .formatted(datasetId)).get("id").asLong();

        api.trainToSuccess(modelId, Duration.ofMinutes(3));
        JsonNode metrics = api.get("/api/models/" + modelId + "/versions/1").json().get("metrics");

        JsonNode overfitting = metrics.get("overfitting");
        assertThat(overfitting.get("flagged").asBoolean()).as(overfitting.toString()).isTrue();
        assertThat(overfitting.get("gap").asDouble()).isGreaterThan(0.05);
        assertThat(overfitting.get("message").asString()).startsWith("train accuracy").contains("overfitting");
        JsonNode test = metrics.get("test");
        assertThat(test.get("specificity").asDouble()).isBetween(0.0, 1.0);
        assertThat(test.get("prAuc").asDouble()).isBetween(0.0, 1.0);
        assertThat(test.get("brierScore").asDouble()).isBetween(0.0, 1.0);
        assertThat(test.get("bestThreshold").asDouble()).isBetween(0.0, 1.0);
        assertThat(test.get("rocCurve").size()).isBetween(3, 201);
    }
}
