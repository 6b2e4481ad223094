package dev.backprop.journey;

import java.time.Duration;
import java.util.Random;

import dev.backprop.support.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Several targets at once over HTTP: a multi-label model (one sigmoid per 0/1 column) and a two-output regression. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:multi-target;DB_CLOSE_DELAY=-1",
        "backprop.training.poll-interval=100ms"})
class MultiTargetJourneyTest {

    @LocalServerPort
    int port;

    ApiClient api;
    long datasetId;

    @BeforeEach
    void upload() {
        api = new ApiClient(port);
        StringBuilder csv = new StringBuilder("x1,x2,right,top,sum,difference\n");
        Random random = new Random(3);
        for (int i = 0; i < 400; i++) {
            double x1 = random.nextDouble() * 2 - 1;
            double x2 = random.nextDouble() * 2 - 1;
            csv.append(x1).append(',').append(x2).append(',').append(x1 > 0 ? 1 : 0).append(',').append(x2 > 0 ? 1 : 0)
                    .append(',').append(x1 + x2).append(',').append(x1 - 2 * x2).append('\n');
        }
        datasetId = api.upload("quadrants.csv", csv.toString().getBytes(), "quadrants").json().get("id").asLong();
    }

    @Test
    void aMultiLabelModelGivesEachLabelItsOwnProbability() {
        JsonNode model = define("""
                {"datasetId": %d, "targets": ["right", "top"], "features": ["x1", "x2"],
                 "layers": [{"type": "dense", "units": 16, "activation": "tanh"}],
                 "optimizer": {"type": "adam", "learningRate": 0.02}, "epochs": 40, "seed": 2}""");
        assertThat(model.get("definition").get("task").asString()).isEqualTo("multilabel");
        assertThat(model.get("definition").get("loss").asString()).isEqualTo("binary_crossentropy");
        JsonNode output = model.get("network").get("layers").get(1);
        assertThat(output.get("activation").asString()).isEqualTo("sigmoid");
        assertThat(output.get("outputSize").asInt()).isEqualTo(2);

        JsonNode test = train(model.get("id").asLong());
        assertThat(test.get("accuracy").asDouble()).isGreaterThanOrEqualTo(0.9);
        assertThat(test.get("perTarget").get("right").get("rocAuc").asDouble()).isGreaterThanOrEqualTo(0.95);
        assertThat(test.get("perTarget").get("top").get("accuracy").asDouble()).isGreaterThanOrEqualTo(0.9);

        JsonNode prediction = api.get("/api/models/" + model.get("id").asLong() + "/predict?x1=0.8&x2=-0.7").json();
        assertThat(prediction.get("prediction").asString()).isEqualTo("right");
        assertThat(prediction.get("probabilities").get("right").asDouble()).isGreaterThan(0.5);
        assertThat(prediction.get("probabilities").get("top").asDouble()).isLessThan(0.5);
    }

    @Test
    void aRegressionCanPredictSeveralNumbers() {
        JsonNode model = define("""
                {"datasetId": %d, "targets": ["sum", "difference"], "features": ["x1", "x2"],
                 "layers": [{"type": "dense", "units": 16, "activation": "relu"}],
                 "optimizer": {"type": "adam", "learningRate": 0.01}, "epochs": 60, "seed": 2}""");
        assertThat(model.get("definition").get("task").asString()).isEqualTo("regression");
        assertThat(model.get("network").get("layers").get(1).get("outputSize").asInt()).isEqualTo(2);

        JsonNode test = train(model.get("id").asLong());
        assertThat(test.get("perTarget").get("sum").get("r2").asDouble()).isGreaterThanOrEqualTo(0.95);
        assertThat(test.get("perTarget").get("difference").get("r2").asDouble()).isGreaterThanOrEqualTo(0.95);

        JsonNode values = api.get("/api/models/" + model.get("id").asLong() + "/predict?x1=0.5&x2=0.25").json().get("values");
        assertThat(values.get("sum").asDouble()).isBetween(0.55, 0.95);
        assertThat(values.get("difference").asDouble()).isBetween(-0.2, 0.2);
    }

    @Test
    void multiLabelNeedsZeroOneColumns() {
        ApiClient.Response refused = api.postJson("/api/models", """
                {"datasetId": %d, "targets": ["right", "sum"], "task": "multilabel"}""".formatted(datasetId));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("$.targets").contains("multilabel needs 0/1");
    }

    private JsonNode define(String definition) {
        return api.defineModel(definition.formatted(datasetId));
    }

    private JsonNode train(long modelId) {
        api.trainToSuccess(modelId, Duration.ofMinutes(2));
        return api.testMetrics(modelId, 1);
    }
}
