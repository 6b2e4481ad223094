package dev.backprop.limits;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.backprop.support.ApiClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every configured limit, set small here, answers with the right status (413 for sizes, 400 for definition limits,
 * 503 + Retry-After for a full queue) and a problem detail that names the property and its value.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:limits;DB_CLOSE_DELAY=-1",
        "spring.servlet.multipart.max-file-size=4KB",
        "spring.servlet.multipart.max-request-size=6KB",
        "backprop.datasets.max-rows=30",
        "backprop.datasets.max-columns=6",
        "backprop.datasets.max-row-length=200",
        "backprop.models.max-layers=2",
        "backprop.models.max-units=64",
        "backprop.models.max-parameters=2000",
        "backprop.models.max-epochs=100",
        "backprop.models.max-one-hot-levels=3",
        "backprop.models.max-classes=3",
        "backprop.models.max-memory=10KB",
        "backprop.prediction.max-rows=2",
        "backprop.requests.max-body-size=2KB",
        "backprop.training.max-queued=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LimitsTest {

    private static final String TOO_LARGE = "https://backprop.dev/problems/too-large";
    private static final String INVALID = "https://backprop.dev/problems/invalid-request";

    /** 20 rows: a numeric target, a 5-level city, a 4-level grade. */
    private static final String CSV = "x,y,city,grade,score\n" + IntStream.range(0, 20)
            .mapToObj(i -> i + "," + (i * 7 % 11) + ",c" + (i % 5) + ",g" + (i % 4) + "," + (i * 0.5))
            .collect(Collectors.joining("\n")) + "\n";

    @LocalServerPort
    int port;

    ApiClient api;
    long datasetId;

    @BeforeAll
    void uploadData() {
        api = new ApiClient(port);
        datasetId = api.uploadId("limits.csv", CSV.getBytes(StandardCharsets.UTF_8), "limits");
    }

    @Test
    void anUploadOverTheFileSizeLimitIs413() {
        byte[] big = ("a,b\n" + "1,2\n".repeat(1_250)).getBytes(StandardCharsets.UTF_8);

        assertProblem(api.upload("big.csv", big, "big"), 413, TOO_LARGE, "spring.servlet.multipart.max-file-size", "4KB");
    }

    @Test
    void aMultipartRequestOverTheRequestSizeLimitIs413() {
        // The file itself fits; the name field pushes the whole request over 6 KB.
        assertProblem(api.upload("small.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "n".repeat(7_000)),
                413, TOO_LARGE, "spring.servlet.multipart.max-request-size", "6KB");
    }

    @Test
    void tooManyRowsIs413() {
        String rows = "a,b\n" + "1,2\n".repeat(31);

        assertProblem(api.upload("rows.csv", rows.getBytes(StandardCharsets.UTF_8), "rows"), 413, TOO_LARGE,
                "backprop.datasets.max-rows", "30");
    }

    @Test
    void tooManyColumnsIs413() {
        String columns = "a,b,c,d,e,f,g\n1,2,3,4,5,6,7\n";

        assertProblem(api.upload("columns.csv", columns.getBytes(StandardCharsets.UTF_8), "columns"), 413, TOO_LARGE,
                "backprop.datasets.max-columns", "6");
    }

    @Test
    void aRowLongerThanTheRowLengthLimitIs413() {
        String longRow = "a,b\n1," + "x".repeat(300) + "\n";

        assertProblem(api.upload("long.csv", longRow.getBytes(StandardCharsets.UTF_8), "long"), 413, TOO_LARGE,
                "backprop.datasets.max-row-length", "200");
    }

    static Stream<Arguments> definitionLimits() {
        return Stream.of(
                Arguments.of("layers", """
                        "exclude": ["city", "grade"], "layers": [{"type": "dense", "units": 2}, {"type": "dense", "units": 2},
                         {"type": "dense", "units": 2}]""", "backprop.models.max-layers", "2"),
                Arguments.of("units", """
                        "exclude": ["city", "grade"], "layers": [{"type": "dense", "units": 65}]""", "backprop.models.max-units", "64"),
                Arguments.of("parameters", """
                        "exclude": ["city", "grade"], "layers": [{"type": "dense", "units": 60}, {"type": "dense", "units": 60}]""",
                        "backprop.models.max-parameters", "2000"),
                Arguments.of("epochs", """
                        "exclude": ["city", "grade"], "epochs": 101""", "backprop.models.max-epochs", "100"),
                Arguments.of("levels of a categorical feature", """
                        "features": ["x", "city"]""", "backprop.models.max-one-hot-levels", "3"),
                Arguments.of("memory", """
                        "exclude": ["city", "grade"], "layers": [{"type": "dense", "units": 60}], "batchSize": "all\"""",
                        "backprop.models.max-memory", "10.0 KiB"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("definitionLimits")
    void aDefinitionOverALimitIs400NamingIt(String what, String fields, String property, String value) {
        String definition = "{\"datasetId\": " + datasetId + ", \"target\": \"score\", " + fields + "}";

        assertProblem(api.postJson("/api/models", definition), 400, INVALID, property, value);
    }

    @Test
    void aTargetWithMoreClassesThanTheLimitIs400() {
        String definition = "{\"datasetId\": " + datasetId + ", \"target\": \"city\", \"features\": [\"x\", \"y\"]}";

        assertProblem(api.postJson("/api/models", definition), 400, INVALID, "backprop.models.max-classes", "3");
    }

    @Test
    void morePredictionRowsThanTheLimitIs413() {
        long model = api.defineModel("{\"datasetId\": " + datasetId + ", \"target\": \"score\", \"features\": [\"x\", \"y\"]}")
                .get("id").asLong();
        String rows = "[{\"x\": 1, \"y\": 2}, {\"x\": 2, \"y\": 3}, {\"x\": 3, \"y\": 4}]";

        assertProblem(api.postJson("/api/models/" + model + "/predictions", rows), 413, TOO_LARGE,
                "backprop.prediction.max-rows", "2");
    }

    @Test
    void aRequestBodyOverTheBodySizeLimitIs413WhetherItsLengthIsSentOrItIsStreamed() throws Exception {
        long model = api.defineModel("{\"datasetId\": " + datasetId + ", \"target\": \"score\", \"features\": [\"x\", \"y\"]}")
                .get("id").asLong();
        String rows = "[" + "{\"x\": 1, \"y\": 2},".repeat(200) + "{\"x\": 1, \"y\": 2}]";

        assertProblem(api.postJson("/api/models/" + model + "/predictions", rows), 413, TOO_LARGE,
                "backprop.requests.max-body-size", "2048");

        java.net.http.HttpResponse<String> streamed = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/models/" + model + "/predictions"))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream(rows.getBytes(StandardCharsets.UTF_8))))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(streamed.statusCode()).as(streamed.body()).isEqualTo(413);
        assertThat(streamed.body()).contains("backprop.requests.max-body-size");
    }

    @Test
    void aFullTrainingQueueIs503WithRetryAfter() {
        long model = api.defineModel("{\"datasetId\": " + datasetId + ", \"target\": \"score\", \"features\": [\"x\", \"y\"]}")
                .get("id").asLong();

        ApiClient.Response response = api.postJson("/api/models/" + model + "/training-jobs", "");

        assertProblem(response, 503, "https://backprop.dev/problems/busy", "backprop.training.max-queued", "0");
        assertThat(response.header("Retry-After")).isEqualTo("30");
    }

    private static void assertProblem(ApiClient.Response response, int status, String type, String property, String value) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo(type);
        String detail = response.json().get("detail").asString() + " " + response.json().path("errors");
        assertThat(detail).as("names the property").contains(property);
        assertThat(detail).as("names the value").containsPattern(java.util.regex.Pattern.quote(property) + "[^0-9]{0,40}"
                + java.util.regex.Pattern.quote(value));
    }
}
