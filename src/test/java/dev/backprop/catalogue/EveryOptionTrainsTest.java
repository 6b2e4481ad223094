package dev.backprop.catalogue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import dev.backprop.model.Vocabulary;
import dev.backprop.support.ApiClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every activation, loss, optimizer, schedule, descent mode and regulariser: define a small network over HTTP,
 * train it, check the training loss went down, and predict with the stored version (loaded from the database).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:catalogue;DB_CLOSE_DELAY=-1",
        "backprop.training.poll-interval=100ms"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryOptionTrainsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String ROWS = """
            [{"x1": 0.5, "x2": 0.2}, {"x1": -0.7, "x2": -0.1}, {"x1": 0.1, "x2": -0.9}]""";

    @LocalServerPort
    int port;

    ApiClient api;
    long datasetId;

    @BeforeAll
    void upload() {
        api = new ApiClient(port);
        StringBuilder csv = new StringBuilder("x1,x2,label,y\n");
        Random random = new Random(11);
        for (int i = 0; i < 80; i++) {
            double x1 = random.nextDouble() * 2 - 1;
            double x2 = random.nextDouble() * 2 - 1;
            csv.append(x1).append(',').append(x2).append(',').append(x1 + x2 > 0 ? "yes" : "no").append(',')
                    .append(2 * x1 - x2 + random.nextGaussian() * 0.05).append('\n');
        }
        datasetId = api.upload("toy.csv", csv.toString().getBytes(), "toy").json().get("id").asLong();
    }

    static Stream<Arguments> options() {
        List<Arguments> options = new ArrayList<>();
        for (String activation : Vocabulary.ACTIVATIONS) {
            options.add(Arguments.of("activation " + activation, "label",
                    "\"layers\": [{\"type\": \"dense\", \"units\": 8, \"activation\": \"" + activation + "\"}]"));
        }
        options.add(Arguments.of("leaky_relu slope 0.1", "label",
                "\"layers\": [{\"type\": \"dense\", \"units\": 8, \"activation\": \"leaky_relu\", \"alpha\": 0.1}]"));
        options.add(Arguments.of("elu alpha 0.5", "label",
                "\"layers\": [{\"type\": \"dense\", \"units\": 8, \"activation\": \"elu\", \"alpha\": 0.5}]"));
        options.add(Arguments.of("maxout", "label", "\"layers\": [{\"type\": \"maxout\", \"units\": 6, \"pieces\": 3}]"));
        options.add(Arguments.of("loss binary_crossentropy", "label", "\"loss\": \"binary_crossentropy\""));
        options.add(Arguments.of("loss categorical_crossentropy", "label",
                "\"output\": {\"activation\": \"softmax\"}, \"loss\": \"categorical_crossentropy\""));
        options.add(Arguments.of("loss mse", "y", "\"loss\": \"mse\""));
        options.add(Arguments.of("loss mae", "y", "\"loss\": \"mae\""));
        options.add(Arguments.of("loss hinge", "label", "\"loss\": \"hinge\""));
        for (String optimizer : Vocabulary.OPTIMIZERS) {
            String rate = optimizer.equals("adadelta") ? "" : ", \"learningRate\": "
                    + (optimizer.equals("sgd") || optimizer.equals("momentum") || optimizer.equals("nesterovs") ? 0.1 : 0.01);
            options.add(Arguments.of("optimizer " + optimizer, "label",
                    "\"optimizer\": {\"type\": \"" + optimizer + "\"" + rate + "}"));
        }
        options.add(Arguments.of("step schedule", "label",
                "\"optimizer\": {\"type\": \"sgd\", \"learningRate\": 0.2, \"schedule\": {\"type\": \"step\", \"decayRate\": 0.5, \"everyEpochs\": 5}}"));
        options.add(Arguments.of("exponential schedule", "label",
                "\"optimizer\": {\"type\": \"adam\", \"learningRate\": 0.02, \"schedule\": {\"type\": \"exponential\", \"decayRate\": 0.95}}"));
        options.add(Arguments.of("batch gradient descent", "label", "\"batchSize\": \"all\""));
        options.add(Arguments.of("mini-batch gradient descent", "label", "\"batchSize\": 16"));
        options.add(Arguments.of("stochastic gradient descent", "label", "\"batchSize\": 1, \"epochs\": 8"));
        options.add(Arguments.of("l1", "label", "\"l1\": 0.001"));
        options.add(Arguments.of("l2", "label", "\"l2\": 0.001"));
        options.add(Arguments.of("dropout and batch norm", "label", """
                "layers": [{"type": "dense", "units": 16, "activation": "relu"}, {"type": "batch_norm"},
                           {"type": "dropout", "rate": 0.2}, {"type": "dense", "units": 8, "activation": "relu"}]"""));
        options.add(Arguments.of("gradient clipping", "label", "\"gradientClipping\": 0.5"));
        options.add(Arguments.of("class weights", "label", "\"classWeights\": {\"yes\": 3.0}"));
        for (String init : List.of("xavier_normal", "he", "he_uniform", "uniform", "normal")) {
            options.add(Arguments.of("weights " + init, "label", "\"weightInit\": \"" + init + "\""));
        }
        return options.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("options")
    void trainsLowersTheLossAndPredictsAfterAReload(String option, String target, String json) {
        String exclude = target.equals("y") ? "label" : "y";
        ObjectNode definition = (ObjectNode) JSON.readTree("""
                {"datasetId": %d, "target": "%s", "exclude": ["%s"], "epochs": 25, "batchSize": 16, "seed": 5,
                 "optimizer": {"type": "adam", "learningRate": 0.01}}""".formatted(datasetId, target, exclude));
        definition.setAll((ObjectNode) JSON.readTree("{" + json + "}"));
        ApiClient.Response model = api.postJson("/api/models", definition.toString());
        assertThat(model.status()).as(model.body()).isEqualTo(201);
        long modelId = model.json().get("id").asLong();

        String location = api.postJson("/api/models/" + modelId + "/training-jobs", "").header("Location");
        JsonNode job = api.awaitJob(location, Duration.ofMinutes(1));
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        JsonNode history = job.get("history");
        double first = history.get(0).get("trainLoss").asDouble();
        double last = history.get(history.size() - 1).get("trainLoss").asDouble();
        assertThat(last).as("training loss after the last epoch vs the first").isLessThan(first);

        ApiClient.Response predictions = api.postJson("/api/models/" + modelId + "/predictions", ROWS);
        assertThat(predictions.status()).as(predictions.body()).isEqualTo(200);
        for (JsonNode row : predictions.json().get("rows")) {
            JsonNode value = target.equals("y") ? row.get("value") : row.has("score") ? row.get("score") : row.get("probability");
            assertThat(value).as(row.toString()).isNotNull();
            assertThat(Double.isFinite(value.asDouble())).isTrue();
            if (target.equals("label")) {
                assertThat(row.get("prediction").asString()).isIn("yes", "no");
                assertThat(row.has("score")).as("a hinge-trained score, not a probability").isEqualTo(option.contains("hinge"));
            }
        }
    }
}
