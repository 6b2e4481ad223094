package dev.backprop.operations;

import java.util.List;

import dev.backprop.support.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator sees: probes, build info, Prometheus metrics, request ids; and nothing else exposed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:operations;DB_CLOSE_DELAY=-1")
class OperationsTest {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void readinessCoversTheDatabaseAndTheTrainingWorkers() {
        ApiClient.Response readiness = api.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        JsonNode components = readiness.json().get("components");
        assertThat(components.get("db").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("trainingWorkers").get("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/liveness").json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void infoCarriesTheBuild() {
        JsonNode info = api.get("/actuator/info").json();
        assertThat(info.get("build").get("artifact").asString()).isEqualTo("backprop");
    }

    @Test
    void prometheusExposesTheServiceMetrics() {
        api.get("/api/models/12345/predict?x=1");
        String metrics = api.get("/actuator/prometheus").body();
        assertThat(metrics).contains("backprop_training_queue_depth", "backprop_training_jobs{state=\"queued\"}",
                "backprop_datasets_stored_bytes", "cache_size{cache=\"backprop.models\"}",
                "backprop_predictions_seconds_count{model=\"unknown\",outcome=\"unavailable\"} 1");
        // A made-up model id gets no series of its own: those would pile up for as long as the process runs.
        assertThat(metrics).doesNotContain("model=\"12345\"");
        // The HTTP metrics name the endpoint by its pattern, also when the direct route served it.
        assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/models/\\{id}/predict\"");
    }

    @Test
    void prometheusExposesNativeMemoryBesideTheHeap() {
        String metrics = api.get("/actuator/prometheus").body();
        assertThat(metrics).contains("jvm_memory_used_bytes{area=\"heap\"", "jvm_buffer_memory_used_bytes",
                "backprop_native_memory_bytes{kind=\"tracked\"}", "backprop_native_memory_bytes{kind=\"tracked_max\"}");
        double physical = metrics.lines().filter(line -> line.startsWith("backprop_native_memory_bytes{kind=\"physical\"}"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst().orElseThrow();
        // JavaCPP's resident-memory reading of this very process: a running JVM with ND4J loaded holds well over 50 MB.
        assertThat(physical).isGreaterThan(50e6);
    }

    @Test
    void swaggerOffersTheExampleDefinitions() {
        JsonNode examples = api.get("/v3/api-docs").json().get("paths").get("/api/models").get("post")
                .get("requestBody").get("content").get("application/json").get("examples");
        assertThat(examples.has("mnist-cnn")).isTrue();
        assertThat(examples.get("titanic-processed-logistic-regression").get("value").get("preset").asString())
                .isEqualTo("logistic-regression");
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void swaggerDescribesTheSingleRowPredictionsModelIdThoughTheControllerReadsItItself() {
        JsonNode parameters = api.get("/v3/api-docs").json().get("paths").get("/api/models/{id}/predict").get("get")
                .get("parameters");
        JsonNode id = null;
        for (JsonNode parameter : parameters) {
            if (parameter.get("name").asString().equals("id")) {
                id = parameter;
            }
        }
        assertThat(id).as("an id parameter in %s", parameters).isNotNull();
        assertThat(id.get("in").asString()).isEqualTo("path");
        assertThat(id.get("required").asBoolean()).isTrue();
        assertThat(id.get("schema").get("type").asString()).isEqualTo("integer");
    }

    @Test
    void aQueryStringTomcatCannotReadIsABadRequestOnEveryEndpoint() {
        // Tomcat 11 throws when it first parses such parameters; that was a 500 before it was mapped.
        for (String path : List.of("/api/models?=1", "/api/datasets?page=0&=1", "/api/models/1/predict?=1&Sex=female")) {
            ApiClient.Response response = api.get(path);
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
            assertThat(response.body()).as(path).contains("=1").doesNotContain("Internal error");
        }
    }

    @Test
    void swaggerUiCanAuthorizeWithAnApiKey() {
        JsonNode docs = api.get("/v3/api-docs").json();
        JsonNode scheme = docs.get("components").get("securitySchemes").get("apiKey");
        assertThat(scheme.get("type").asString()).isEqualTo("apiKey");
        assertThat(scheme.get("in").asString()).isEqualTo("header");
        assertThat(scheme.get("name").asString()).isEqualTo("X-API-Key");
        assertThat(docs.get("security").get(0).has("apiKey")).as("every operation asks for the key").isTrue();
    }

    @Test
    void onlyHealthInfoAndPrometheusAreExposed() {
        assertThat(api.get("/actuator/env").status()).isEqualTo(404);
        assertThat(api.get("/actuator/beans").status()).isEqualTo(404);
        assertThat(api.get("/actuator/metrics").status()).isEqualTo(404);
    }

    @Test
    void theRequestIdIsEchoedAndNamedInErrorBodies() {
        ApiClient.Response response = api.get("/api/datasets/999999");
        String generated = response.header("X-Request-Id");
        assertThat(generated).isNotBlank();
        assertThat(response.json().get("requestId").asString()).isEqualTo(generated);
    }
}
