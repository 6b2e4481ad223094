package dev.backprop.model;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import dev.backprop.support.ApiClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Each combination that makes no sense is refused over HTTP with a 400, its path and a message that explains why. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:invalid-combinations;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvalidCombinationsTest {

    private static final String CSV = """
            a,b,colour,smoker,score
            1,2,red,yes,0.5
            2,1,blue,no,1.5
            3,4,green,no,2.5
            4,3,red,yes,3.5
            5,6,blue,no,4.5
            6,5,green,yes,5.5
            7,8,red,no,6.5
            8,7,blue,yes,7.5
            """;

    static Stream<Arguments> combinations() {
        return Stream.of(
                Arguments.of("categorical cross-entropy with a sigmoid output", """
                        "target": "smoker", "loss": "categorical_crossentropy\"""", "$.loss", "needs a softmax output"),
                Arguments.of("binary cross-entropy on a multiclass target", """
                        "target": "colour", "loss": "binary_crossentropy\"""", "$.loss", "categorical_crossentropy"),
                Arguments.of("a sigmoid output on a 3-class target", """
                        "target": "colour", "output": {"activation": "sigmoid"}""", "$.output.activation", "softmax"),
                Arguments.of("hinge loss on a regression", """
                        "target": "score", "loss": "hinge\"""", "$.loss", "binary target"),
                Arguments.of("hinge loss with a sigmoid output", """
                        "target": "smoker", "output": {"activation": "sigmoid"}, "loss": "hinge\"""", "$.loss", "identity or tanh"),
                Arguments.of("softmax output on a regression", """
                        "target": "score", "output": {"activation": "softmax"}""", "$.output.activation", "sum to 1"),
                Arguments.of("zeros for the weights of a hidden layer", """
                        "target": "smoker", "weightInit": "zeros\"""", "$.weightInit", "symmetry"),
                Arguments.of("zeros on one hidden layer", """
                        "target": "smoker", "layers": [{"type": "dense", "units": 4, "weightInit": "zeros"}]""",
                        "$.layers[0].weightInit", "symmetry"),
                Arguments.of("an unknown weight initialisation", """
                        "target": "smoker", "weightInit": "glorot\"""", "$.weightInit", "xavier"),
                Arguments.of("a schedule for adagrad", """
                        "target": "smoker", "optimizer": {"type": "adagrad", "schedule": {"type": "step"}}""",
                        "$.optimizer.schedule", "adapts its own step sizes"),
                Arguments.of("momentum for adam", """
                        "target": "smoker", "optimizer": {"type": "adam", "momentum": 0.9}""", "$.optimizer.momentum",
                        "momentum and nesterovs"),
                Arguments.of("an unknown schedule", """
                        "target": "smoker", "optimizer": {"type": "sgd", "schedule": {"type": "cosine"}}""",
                        "$.optimizer.schedule.type", "step"),
                Arguments.of("a slope for relu", """
                        "target": "smoker", "layers": [{"type": "dense", "units": 4, "activation": "relu", "alpha": 0.1}]""",
                        "$.layers[0].alpha", "leaky_relu"),
                Arguments.of("class weights for a regression", """
                        "target": "score", "classWeights": {"yes": 2}""", "$.classWeights", "binary and multiclass"),
                Arguments.of("a class weight for a label that does not exist", """
                        "target": "smoker", "classWeights": {"maybe": 2}""", "$.classWeights.maybe", "[no, yes]"),
                Arguments.of("early stopping on accuracy for a regression", """
                        "target": "score", "earlyStopping": {"monitor": "test_accuracy"}""", "$.earlyStopping.monitor",
                        "no accuracy"),
                Arguments.of("a batch size of zero", """
                        "target": "smoker", "batchSize": 0""", "$.batchSize", "between 1 and 1000000 rows"),
                Arguments.of("options for a batch norm layer", """
                        "target": "smoker", "layers": [{"type": "batch_norm", "units": 3}]""", "$.layers[0]", "no units"),
                Arguments.of("negative l1", """
                        "target": "smoker", "l1": -1""", "$.l1", "between 0 and 100"));
    }

    @LocalServerPort
    int port;

    ApiClient api;
    long datasetId;

    @BeforeAll
    void upload() {
        api = new ApiClient(port);
        datasetId = api.upload("toy.csv", CSV.getBytes(StandardCharsets.UTF_8), "toy").json().get("id").asLong();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combinations")
    void isRefusedWithABadRequestThatSaysWhy(String name, String json, String path, String reason) {
        ApiClient.Response response = api.postJson("/api/models", "{\"datasetId\": " + datasetId + ", " + json + "}");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        JsonNode errors = response.json().get("errors");
        assertThat(errors).as(response.body()).anySatisfy(error -> {
            assertThat(error.get("path").asString()).isEqualTo(path);
            assertThat(error.get("message").asString()).contains(reason);
        });
    }
}
