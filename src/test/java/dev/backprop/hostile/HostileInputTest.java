package dev.backprop.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
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
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Broken and hostile input over real HTTP, with the default limits: every case is a 4xx problem+json whose detail
 * says what is wrong, and nothing is stored. None is a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:hostile-input;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    /** 24 rows: an id that looks like a spreadsheet formula, numbers, a category, an empty column, a constant. */
    private static final String CSV = "id,x,y,colour,empty,constant,label\n" + IntStream.range(0, 24)
            .mapToObj(i -> (i == 0 ? "\"=cmd|' /C calc'!A0\"" : "r" + i) + "," + i + "," + (i * 7 % 11) + ","
                    + (i % 3 == 0 ? "\"=HYPERLINK(\"\"x\"\")\"" : i % 3 == 1 ? "red" : "blue")
                    + ",,7," + (i * 7 % 11 > 5 ? "yes" : "no"))
            .collect(Collectors.joining("\n")) + "\n";

    @LocalServerPort
    int port;

    ApiClient api;
    long datasetId;

    @BeforeAll
    void uploadData() {
        api = new ApiClient(port);
        datasetId = api.uploadId("hostile.csv", CSV.getBytes(StandardCharsets.UTF_8), "hostile");
    }

    static Stream<Arguments> brokenCsvs() {
        byte[] garbage = new byte[4096];
        new Random(6).nextBytes(garbage);
        byte[] png = concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13}, garbage);
        return Stream.of(
                Arguments.of("ragged rows", bytes("a,b,c\n1,2,3\n4,5\n"), 400, "has 2 fields but the header has 3"),
                Arguments.of("binary garbage", garbage, 400, "not UTF-8"),
                Arguments.of("a PNG image", png, 400, "not UTF-8"),
                Arguments.of("a NUL byte in otherwise valid text", bytes("a,b\n1,2\u0000\n"), 400, "binary file"),
                Arguments.of("invalid UTF-8 (Latin-1 text)", "name,city\nJosé,Zürich\n".getBytes(StandardCharsets.ISO_8859_1),
                        400, "not UTF-8"),
                Arguments.of("a 10 MB single line", bytes("a,b\n1," + "x".repeat(10 * 1024 * 1024) + "\n"), 413,
                        "backprop.datasets.max-row-length is 1000000"),
                Arguments.of("only a header", bytes("a,b,c\n"), 400, "no data rows"),
                Arguments.of("duplicate column names", bytes("a,b,a\n1,2,3\n"), 400, "names column 'a' twice"),
                Arguments.of("an empty column name", bytes("a,,c\n1,2,3\n"), 400, "Column 2 of the header has no name"),
                Arguments.of("an unbalanced quote", bytes("a,b\n\"1,2\n3,4\n"), 400, "quotes are balanced"),
                Arguments.of("a number beyond the float range", bytes("a,b\n1e300,1\n2,2\n"), 400, "beyond"),
                Arguments.of("a damaged gzip file", new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3}, 400,
                        "gzip"),
                Arguments.of("an empty file", new byte[0], 400, "empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCsvs")
    void aBrokenCsvIsRefusedAndNothingIsStored(String what, byte[] content, int status, String detail) {
        long before = count("/api/datasets");

        ApiClient.Response response = api.upload("broken.csv", content, what);

        assertProblem(response, status, detail);
        assertThat(count("/api/datasets")).as("datasets stored").isEqualTo(before);
    }

    @Test
    void anAllMissingColumnIsAcceptedAtUploadButRefusedAsAFeatureOrTarget() {
        JsonNode empty = column(api.get("/api/datasets/" + datasetId).json(), "empty");
        assertThat(empty.get("missing").asLong()).isEqualTo(24);

        assertDefinitionRefused("\"target\": \"label\", \"features\": [\"x\", \"empty\"]", "$.features[1]",
                "has no values at all");
        assertDefinitionRefused("\"target\": \"empty\", \"features\": [\"x\"]", "$.target", "no values to learn from");
    }

    @Test
    void aConstantTargetIsRefused() {
        assertDefinitionRefused("\"target\": \"constant\", \"features\": [\"x\"]", "$.target", "same value in every row");
    }

    static Stream<Arguments> brokenJson() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"target\": \"label\", ", "$", "malformed JSON"),
                Arguments.of("a string where a number belongs", "{\"target\": \"label\", \"epochs\": \"many\"}", "$.epochs",
                        "wrong type"),
                Arguments.of("an object where a list belongs", "{\"target\": \"label\", \"features\": {\"x\": 1}}",
                        "$.features", "wrong type"),
                Arguments.of("a bare NaN", "{\"target\": \"label\", \"optimizer\": {\"learningRate\": NaN}}", "$.optimizer",
                        "malformed JSON"),
                Arguments.of("NaN as a string", "{\"target\": \"label\", \"optimizer\": {\"learningRate\": \"NaN\"}}",
                        "$.optimizer.learningRate", "NaN"),
                Arguments.of("Infinity as a string", "{\"target\": \"label\", \"l2\": \"Infinity\"}", "$.l2", "Infinity"),
                Arguments.of("an integer beyond int", "{\"target\": \"label\", \"epochs\": 99999999999999999999}", "$.epochs",
                        "out of range"),
                Arguments.of("a huge exponent", "{\"target\": \"label\", \"epochs\": 1e400}", "$.epochs", "epochs"),
                Arguments.of("a huge batch size", "{\"target\": \"label\", \"batchSize\": 1e30}", "$.batchSize", "batchSize"),
                Arguments.of("an unknown field", "{\"target\": \"label\", \"epoch\": 5}", "$.epoch", "unknown field 'epoch'"),
                Arguments.of("an unknown nested field", "{\"target\": \"label\", \"layers\": [{\"type\": \"dense\", \"unit\": 5}]}",
                        "$.layers[0].unit", "unknown field 'unit'"),
                // A list of names is read token by token: the first nested array is already the wrong type.
                Arguments.of("deeply nested arrays", "{\"target\": \"label\", \"features\": " + "[".repeat(5_000)
                        + "]".repeat(5_000) + "}", "$.features[0]", "wrong type"),
                Arguments.of("a list instead of an object", "[1, 2, 3]", "$", "wrong shape"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenJson")
    void brokenJsonIsA400WithThePath(String what, String json, String path, String detail) {
        String definition = json.startsWith("{") && !json.contains("datasetId")
                ? "{\"datasetId\": " + datasetId + ", " + json.substring(1) : json;
        long before = count("/api/models");

        ApiClient.Response response = api.postJson("/api/models", definition);

        assertProblem(response, 400, detail);
        assertThat(paths(response)).contains(path);
        assertThat(count("/api/models")).as("models stored").isEqualTo(before);
    }

    @Test
    void deeplyNestedPredictionRowsAreA400() {
        String rows = "[{\"x\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}]";

        assertProblem(api.postJson("/api/models/1/predictions", rows), 400, "nesting depth");
    }

    @Test
    void formulaCellsAreStoredAsTheyAreButEscapedInCsvPredictions() {
        JsonNode rows = api.get("/api/datasets/" + datasetId + "/rows?limit=1").json();
        assertThat(rows.get("rows").get(0).get("id").asString()).isEqualTo("=cmd|' /C calc'!A0");
        long model = api.defineModel("{\"datasetId\": " + datasetId + ", \"target\": \"label\", \"features\": [\"x\", \"colour\"],"
                + " \"epochs\": 2}").get("id").asLong();
        api.trainToSuccess(model, Duration.ofMinutes(2));

        ApiClient.Response response = api.post("/api/models/" + model + "/predictions", "text/csv",
                "id,x,colour\n\"=cmd|' /C calc'!A0\",1,\"=HYPERLINK(\"\"x\"\")\"\n@SUM(A1),2,red\n-5,3,blue\n");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        String[] lines = response.body().split("\r\n");
        assertThat(lines[1]).startsWith("'=cmd|' /C calc'!A0,1,\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(lines[2]).startsWith("'@SUM(A1),2,red");
        assertThat(lines[3]).as("a negative number is a number, not a formula").startsWith("-5,3,blue");
        assertThat(response.body()).doesNotContain("\n=", "\n@", ",=", ",@", "\"=", "\"@");
    }

    private void assertDefinitionRefused(String fields, String path, String message) {
        long before = count("/api/models");
        ApiClient.Response response = api.postJson("/api/models", "{\"datasetId\": " + datasetId + ", " + fields + "}");
        assertProblem(response, 400, message);
        assertThat(paths(response)).contains(path);
        assertThat(count("/api/models")).isEqualTo(before);
    }

    private static void assertProblem(ApiClient.Response response, int status, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).startsWith("https://backprop.dev/problems/");
        assertThat(problem.get("detail").asString() + " " + problem.path("errors")).contains(detail);
    }

    private static java.util.List<String> paths(ApiClient.Response response) {
        return response.json().path("errors").valueStream().map(e -> e.get("path").asString()).toList();
    }

    private long count(String listing) {
        return api.get(listing).json().get("totalElements").asLong();
    }

    private static JsonNode column(JsonNode dataset, String name) {
        return dataset.get("columns").valueStream().filter(c -> c.get("name").asString().equals(name))
                .findFirst().orElseThrow();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
