package dev.backprop.journey;

import java.time.Duration;

import dev.backprop.support.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The other two tasks over real HTTP on the iris flowers: a multiclass species classifier and a regression. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:iris;DB_CLOSE_DELAY=-1",
        "backprop.training.poll-interval=200ms"})
class IrisJourneyTest {

    private static final String FLOWER = "sepal_length_cm=6.3&sepal_width_cm=3.3&petal_length_cm=6.0&petal_width_cm=2.5";

    @LocalServerPort
    int port;

    ApiClient api;
    long datasetId;

    @BeforeEach
    void upload() {
        api = new ApiClient(port);
        datasetId = api.upload("iris.csv", ApiClient.resource("/data/iris/iris.csv"), "iris").json().get("id").asLong();
    }

    @Test
    void aSoftmaxOverTheSpeciesNamesTheSpeciesAndGivesEachAProbability() {
        JsonNode model = define("""
                {"datasetId": %d, "target": "species",
                 "layers": [{"type": "dense", "units": 16, "activation": "tanh"}],
                 "optimizer": {"type": "adam", "learningRate": 0.01}, "batchSize": 16, "epochs": 60, "seed": 3}""");
        assertThat(model.get("definition").get("task").asString()).isEqualTo("multiclass");
        assertThat(model.get("definition").get("loss").asString()).isEqualTo("categorical_crossentropy");
        assertThat(model.get("network").get("layers").get(1).get("outputSize").asInt()).isEqualTo(3);
        long modelId = model.get("id").asLong();

        train(modelId);
        JsonNode test = api.get("/api/models/" + modelId + "/versions/1").json().get("metrics").get("test");
        assertThat(test.get("accuracy").asDouble()).isGreaterThanOrEqualTo(0.93);
        assertThat(test.get("confusionMatrix").get("labels").toString()).isEqualTo("[\"setosa\",\"versicolor\",\"virginica\"]");

        JsonNode prediction = api.get("/api/models/" + modelId + "/predict?" + FLOWER).json();
        assertThat(prediction.get("prediction").asString()).isEqualTo("virginica");
        JsonNode probabilities = prediction.get("probabilities");
        assertThat(probabilities.get("setosa").asDouble() + probabilities.get("versicolor").asDouble()
                + probabilities.get("virginica").asDouble()).isCloseTo(1.0, within(1e-5));
        assertThat(prediction.has("probability")).isFalse();
    }

    @Test
    void aRegressionPredictsANumberAndReportsErrorsAndRSquared() {
        JsonNode model = define("""
                {"datasetId": %d, "target": "petal_width_cm", "exclude": ["species"],
                 "layers": [{"type": "dense", "units": 16, "activation": "relu"}],
                 "optimizer": {"type": "adam", "learningRate": 0.01}, "batchSize": 16, "epochs": 80, "seed": 3}""");
        assertThat(model.get("definition").get("task").asString()).isEqualTo("regression");
        assertThat(model.get("definition").get("output").get("activation").asString()).isEqualTo("identity");
        long modelId = model.get("id").asLong();

        train(modelId);
        JsonNode test = api.get("/api/models/" + modelId + "/versions/1").json().get("metrics").get("test");
        assertThat(test.get("r2").asDouble()).isGreaterThanOrEqualTo(0.90);
        assertThat(test.get("rmse").asDouble()).isCloseTo(Math.sqrt(test.get("mse").asDouble()), within(1e-9));
        assertThat(test.has("accuracy")).isFalse();

        JsonNode prediction = api.get("/api/models/" + modelId
                + "/predict?sepal_length_cm=6.3&sepal_width_cm=3.3&petal_length_cm=6.0").json();
        assertThat(prediction.get("task").asString()).isEqualTo("regression");
        assertThat(prediction.get("value").asDouble()).isBetween(1.5, 3.0);
    }

    private JsonNode define(String definition) {
        return api.defineModel(definition.formatted(datasetId));
    }

    private void train(long modelId) {
        api.trainToSuccess(modelId, Duration.ofMinutes(2));
    }
}
