package dev.backprop.journey;

import java.time.Duration;

import dev.backprop.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Early stopping on an overfitting network: the job says where it stopped and the version keeps the best epoch. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:early-stopping;DB_CLOSE_DELAY=-1",
        "backprop.training.poll-interval=100ms"})
class EarlyStoppingJourneyTest {

    @LocalServerPort
    int port;

    @Test
    void anOverfittingNetworkStopsAndKeepsTheWeightsOfItsBestEpoch() {
        ApiClient api = new ApiClient(port);
        long datasetId = api.upload("train.csv", ApiClient.resource("/data/titanic/train.csv"), "titanic").json().get("id").asLong();
        ApiClient.Response model = api.postJson("/api/models", """
                {"datasetId": %d, "target": "Survived", "exclude": ["PassengerId", "Name", "Ticket", "Cabin"],
                 "layers": [{"type": "dense", "units": 128, "activation": "relu"},
                            {"type": "dense", "units": 128, "activation": "relu"},
                            {"type": "dense", "units": 128, "activation": "relu"}],
                 "optimizer": {"type": "adam", "learningRate": 0.003}, "batchSize": 64, "epochs": 300, "seed": 42,
                 "earlyStopping": {"monitor": "test_loss", "patience": 8}}""".formatted(datasetId));
        assertThat(model.status()).as(model.body()).isEqualTo(201);
        assertThat(model.json().get("definition").get("earlyStopping").toString())
                .isEqualTo("{\"monitor\":\"test_loss\",\"patience\":8,\"minDelta\":0.0,\"restoreBestWeights\":true}");
        long modelId = model.json().get("id").asLong();

        String location = api.postJson("/api/models/" + modelId + "/training-jobs", "").header("Location");
        JsonNode job = api.awaitJob(location, Duration.ofMinutes(3));

        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("earlyStopped").asBoolean()).isTrue();
        int stoppedAt = job.get("epoch").asInt();
        int kept = job.get("keptEpoch").asInt();
        assertThat(stoppedAt).isLessThan(300);
        assertThat(kept).isEqualTo(stoppedAt - 8);
        assertThat(job.get("message").asString()).contains("after epoch " + stoppedAt).contains("weights of epoch " + kept);
        JsonNode history = job.get("history");
        assertThat(history.size()).isEqualTo(stoppedAt);
        double bestTestLoss = history.get(kept - 1).get("testLoss").asDouble();
        for (JsonNode epoch : history) {
            assertThat(epoch.get("testLoss").asDouble()).isGreaterThanOrEqualTo(bestTestLoss);
        }
        JsonNode test = api.get("/api/models/" + modelId + "/versions/1").json().get("metrics").get("test");
        assertThat(test.get("logLoss").asDouble()).as("the stored version has the best epoch's weights")
                .isCloseTo(bestTestLoss, within(1e-4));
    }
}
