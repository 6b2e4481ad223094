package dev.backprop.journey;

import java.time.Duration;

import dev.backprop.support.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The day of a user, over real HTTP: upload the Titanic passengers, define a network, train it, read the metrics,
 * predict. Subclasses pick the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "backprop.training.poll-interval=200ms")
abstract class TitanicJourney {

    static final String RAW_DEFINITION = """
            {"name": "titanic raw", "datasetId": %d, "target": "Survived",
             "exclude": ["PassengerId", "Name", "Ticket", "Cabin"],
             "layers": [{"type": "dense", "units": 64, "activation": "relu"},
                        {"type": "dense", "units": 64, "activation": "relu"}],
             "optimizer": {"type": "adam", "learningRate": 0.003},
             "batchSize": 64, "epochs": 20, "testFraction": 0.25, "seed": 1}""";

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void rawKaggleFileTrainsAClassifierThatRanksAFirstClassWomanAboveAThirdClassMan() {
        ApiClient.Response upload = api.upload("train.csv", ApiClient.resource("/data/titanic/train.csv"), "titanic");
        assertThat(upload.status()).isEqualTo(201);
        long datasetId = upload.json().get("id").asLong();
        assertThat(upload.header("Location")).isEqualTo("/api/datasets/" + datasetId);
        assertThat(upload.json().get("rows").asInt()).isEqualTo(891);

        ApiClient.Response model = api.postJson("/api/models", RAW_DEFINITION.formatted(datasetId));
        assertThat(model.status()).as(model.body()).isEqualTo(201);
        JsonNode definition = model.json().get("definition");
        assertThat(definition.get("task").asString()).isEqualTo("binary");
        assertThat(definition.get("features").toString())
                .isEqualTo("[\"Pclass\",\"Sex\",\"Age\",\"SibSp\",\"Parch\",\"Fare\",\"Embarked\"]");
        long modelId = model.json().get("id").asLong();

        JsonNode job = train(modelId);
        assertThat(job.get("history").size()).isEqualTo(20);
        JsonNode test = api.get("/api/models/" + modelId + "/versions/1").json().get("metrics").get("test");
        assertThat(test.get("accuracy").asDouble()).isGreaterThanOrEqualTo(0.78);
        assertThat(test.get("rocAuc").asDouble()).isGreaterThanOrEqualTo(0.82);
        assertThat(test.get("rows").asInt()).isEqualTo(223);
        JsonNode baseline = api.get("/api/models/" + modelId + "/versions/1").json().get("metrics").get("baseline");
        assertThat(baseline.get("model").asString()).isEqualTo("logistic-regression");
        assertThat(baseline.get("test").get("rows").asInt()).as("the same held-out rows").isEqualTo(223);
        assertThat(baseline.get("test").get("accuracy").asDouble()).isBetween(0.72, 0.86);

        double woman = survival(modelId, "Pclass=1&Sex=female&Age=29&SibSp=0&Parch=0&Fare=80&Embarked=S");
        double man = survival(modelId, "Pclass=3&Sex=male&Age=29&SibSp=0&Parch=0&Fare=8.05&Embarked=S");
        assertThat(woman).isGreaterThan(man);
        assertThat(woman).isGreaterThan(0.5);
        assertThat(man).isLessThan(0.5);
    }

    @Test
    void processedFileWithTwentyFourNumericFeaturesReachesTheCourseAccuracy() {
        long datasetId = api.upload("processed_data.csv", ApiClient.resource("/data/titanic/processed_data.csv"), "processed")
                .json().get("id").asLong();
        ApiClient.Response model = api.postJson("/api/models", """
                {"datasetId": %d, "target": "Survived", "exclude": ["PassengerId"],
                 "layers": [{"type": "dense", "units": 64, "activation": "relu"},
                            {"type": "dense", "units": 64, "activation": "relu"}],
                 "optimizer": {"type": "adam", "learningRate": 0.003},
                 "batchSize": 64, "epochs": 20, "seed": 1}""".formatted(datasetId));
        assertThat(model.status()).as(model.body()).isEqualTo(201);
        assertThat(model.json().get("network").get("inputSize").asInt()).isEqualTo(24);
        long modelId = model.json().get("id").asLong();

        train(modelId);
        JsonNode metrics = api.get("/api/models/" + modelId + "/versions/1").json().get("metrics");
        assertThat(metrics.get("test").get("accuracy").asDouble()).isGreaterThanOrEqualTo(0.78);
        assertThat(metrics.get("test").get("rocAuc").asDouble()).isGreaterThanOrEqualTo(0.82);

        ApiClient.Response csv = api.post("/api/models/" + modelId + "/predictions", "text/csv",
                new String(ApiClient.resource("/data/titanic/processed_data.csv")).lines().limit(4)
                        .map(line -> line.substring(line.indexOf(',', line.indexOf(',') + 1) + 1))
                        .reduce((a, b) -> a + "\n" + b).orElseThrow());
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        var lines = csv.body().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("Pclass,Age,").endsWith(",prediction,probability_0.0,probability_1.0");
        assertThat(lines.get(1).split(",")).hasSize(24 + 3);
    }

    @Test
    void theLogisticRegressionPresetMatchesTheCourseBaseline() {
        long datasetId = api.upload("processed_data.csv", ApiClient.resource("/data/titanic/processed_data.csv"), "processed")
                .json().get("id").asLong();
        ApiClient.Response model = api.postJson("/api/models", """
                {"datasetId": %d, "target": "Survived", "exclude": ["PassengerId"], "preset": "logistic-regression",
                 "optimizer": {"type": "adam", "learningRate": 0.05}, "epochs": 100, "seed": 42}""".formatted(datasetId));
        assertThat(model.status()).as(model.body()).isEqualTo(201);
        JsonNode network = model.json().get("network");
        assertThat(network.get("layers").size()).as("one sigmoid neuron").isEqualTo(1);
        assertThat(network.get("totalParameters").asInt()).isEqualTo(25);
        long modelId = model.json().get("id").asLong();

        train(modelId);
        JsonNode test = api.get("/api/models/" + modelId + "/versions/1").json().get("metrics").get("test");
        assertThat(test.get("accuracy").asDouble()).as("course: 0.796").isBetween(0.766, 0.826);
        assertThat(test.get("rocAuc").asDouble()).isGreaterThanOrEqualTo(0.80);
    }

    @Test
    void perceptronAndAdalineAreSingleNeuronsThatPredictFromASignedScore() {
        long datasetId = api.upload("processed_data.csv", ApiClient.resource("/data/titanic/processed_data.csv"), "processed")
                .json().get("id").asLong();
        for (String preset : java.util.List.of("perceptron", "adaline")) {
            ApiClient.Response model = api.postJson("/api/models", """
                    {"datasetId": %d, "target": "Survived", "exclude": ["PassengerId"], "preset": "%s", "epochs": 10, "seed": 42}"""
                    .formatted(datasetId, preset));
            assertThat(model.status()).as(model.body()).isEqualTo(201);
            JsonNode definition = model.json().get("definition");
            assertThat(definition.get("output").get("activation").asString()).isEqualTo("identity");
            assertThat(definition.get("loss").asString()).isEqualTo(preset.equals("perceptron") ? "hinge" : "mse");
            assertThat(definition.get("batchSize").asInt()).as("one row per step, as the classic rules").isEqualTo(1);
            long modelId = model.json().get("id").asLong();

            train(modelId);
            JsonNode test = api.get("/api/models/" + modelId + "/versions/1").json().get("metrics").get("test");
            assertThat(test.get("accuracy").asDouble()).as(preset).isGreaterThanOrEqualTo(0.72);
            assertThat(test.has("logLoss")).as("a score is no probability").isFalse();

            JsonNode row = api.postJson("/api/models/" + modelId + "/predictions", """
                    [{"Pclass": 1, "Age": 30, "SibSp": 0, "Parch": 0, "Fare": 80, "AgeImputed": 0, "EmbarkedImputed": 0,
                      "CabinLetterImputed": 0, "CabinNumber": 85, "CabinNumberImputed": 0, "male": 0, "Embarked_C": 1,
                      "Embarked_Q": 0, "Embarked_S": 0, "Embarked_missing": 0, "CabinLetter_A": 0, "CabinLetter_B": 0,
                      "CabinLetter_C": 1, "CabinLetter_D": 0, "CabinLetter_E": 0, "CabinLetter_F": 0, "CabinLetter_G": 0,
                      "CabinLetter_T": 0, "CabinLetter_missing": 0}]""").json().get("rows").get(0);
            assertThat(row.has("score")).as(row.toString()).isTrue();
            assertThat(row.has("probability")).isFalse();
            assertThat(row.get("prediction").asString()).isEqualTo(row.get("score").asDouble() >= 0 ? "1.0" : "0.0");
        }
    }

    private JsonNode train(long modelId) {
        ApiClient.Response submitted = api.postJson("/api/models/" + modelId + "/training-jobs", "");
        assertThat(submitted.status()).isEqualTo(202);
        String location = submitted.header("Location");
        assertThat(location).startsWith("/api/training-jobs/");
        JsonNode job = api.awaitJob(location, Duration.ofMinutes(3));
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("modelVersion").asInt()).isEqualTo(1);
        return job;
    }

    private double survival(long modelId, String query) {
        ApiClient.Response prediction = api.get("/api/models/" + modelId + "/predict?" + query);
        assertThat(prediction.status()).as(prediction.body()).isEqualTo(200);
        assertThat(prediction.json().get("version").asInt()).isEqualTo(1);
        return prediction.json().get("probability").asDouble();
    }
}
