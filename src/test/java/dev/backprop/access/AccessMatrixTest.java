package dev.backprop.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.backprop.support.ApiClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint × every kind of caller, with security as shipped (no dev mode): anonymous and wrong keys get 401,
 * a role below the endpoint's gets 403, the rest get through. The table must name every endpoint the
 * application maps, so a new endpoint cannot slip in without a decision on who may call it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:access-matrix;DB_CLOSE_DELAY=-1",
        "backprop.security.dev-mode=false",
        "backprop.security.bootstrap-admin-key=" + AccessMatrixTest.ADMIN_KEY})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    static final String ADMIN_KEY = "bp_access-matrix-admin-key-0123456789abcdef";

    enum Needs { PUBLIC, PREDICTOR, TRAINER, ADMIN }

    record Endpoint(String method, String template, Needs needs) {
        String path() {
            return template.replace("{name}", "roc").replace("{format}", "png").replaceAll("\\{[a-zA-Z]+}", "999999");
        }
    }

    // What the issue asks: admin (keys, deletes), trainer (upload, define, train, read), predictor (predict, read models).
    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/actuator/health", Needs.PUBLIC),
            new Endpoint("GET", "/actuator/health/liveness", Needs.PUBLIC),
            new Endpoint("GET", "/actuator/health/readiness", Needs.PUBLIC),
            new Endpoint("GET", "/actuator/info", Needs.PUBLIC),
            new Endpoint("GET", "/v3/api-docs", Needs.PUBLIC),
            new Endpoint("GET", "/swagger-ui/index.html", Needs.PUBLIC),
            new Endpoint("GET", "/actuator/prometheus", Needs.PREDICTOR),
            new Endpoint("GET", "/api/keys/me", Needs.PREDICTOR),
            new Endpoint("GET", "/api/models", Needs.PREDICTOR),
            new Endpoint("GET", "/api/models/{id}", Needs.PREDICTOR),
            new Endpoint("GET", "/api/models/{id}/versions", Needs.PREDICTOR),
            new Endpoint("GET", "/api/models/{id}/versions/{version}", Needs.PREDICTOR),
            new Endpoint("GET", "/api/models/{id}/versions/{version}/importance", Needs.PREDICTOR),
            new Endpoint("GET", "/api/models/{id}/versions/{version}/charts/{name}.{format}", Needs.PREDICTOR),
            new Endpoint("GET", "/api/models/{id}/predict", Needs.PREDICTOR),
            new Endpoint("POST", "/api/models/{id}/predictions", Needs.PREDICTOR),
            new Endpoint("POST", "/api/datasets", Needs.TRAINER),
            new Endpoint("GET", "/api/datasets", Needs.TRAINER),
            new Endpoint("GET", "/api/datasets/{id}", Needs.TRAINER),
            new Endpoint("GET", "/api/datasets/{id}/rows", Needs.TRAINER),
            new Endpoint("POST", "/api/models", Needs.TRAINER),
            new Endpoint("POST", "/api/models/{modelId}/training-jobs", Needs.TRAINER),
            new Endpoint("GET", "/api/models/{modelId}/training-jobs", Needs.TRAINER),
            new Endpoint("POST", "/api/models/{modelId}/cross-validations", Needs.TRAINER),
            new Endpoint("POST", "/api/models/{modelId}/tuning-jobs", Needs.TRAINER),
            new Endpoint("GET", "/api/training-jobs/{id}", Needs.TRAINER),
            new Endpoint("POST", "/api/training-jobs/{id}/cancel", Needs.TRAINER),
            new Endpoint("POST", "/api/training-jobs/{jobId}/promote", Needs.TRAINER),
            new Endpoint("GET", "/api/training-jobs/{id}/charts/{name}.{format}", Needs.TRAINER),
            // Off (404) unless backprop.benchmark.ceiling-endpoint is set, but mapped either way.
            new Endpoint("GET", "/api/benchmark/ceiling", Needs.TRAINER),
            new Endpoint("DELETE", "/api/datasets/{id}", Needs.ADMIN),
            new Endpoint("POST", "/api/keys", Needs.ADMIN),
            new Endpoint("GET", "/api/keys", Needs.ADMIN),
            new Endpoint("GET", "/api/keys/{id}", Needs.ADMIN),
            new Endpoint("DELETE", "/api/keys/{id}", Needs.ADMIN));

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Map<String, ApiClient> callers;

    @BeforeAll
    void keys() {
        ApiClient admin = new ApiClient(port, ADMIN_KEY);
        callers = Map.of(
                "anonymous", new ApiClient(port),
                "wrong key", new ApiClient(port, "bp_not-a-key-anybody-was-given-0000000000"),
                "predictor", new ApiClient(port, issue(admin, "PREDICTOR")),
                "trainer", new ApiClient(port, issue(admin, "TRAINER")),
                "admin", admin);
    }

    @Test
    void theTableNamesEveryEndpointTheApplicationMaps() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType().getPackageName().startsWith("dev.backprop")) {
                for (String pattern : info.getPatternValues()) {
                    info.getMethodsCondition().getMethods().forEach(method -> mapped.add(method + " " + pattern));
                }
            }
        });
        Set<String> decided = new TreeSet<>();
        ENDPOINTS.forEach(endpoint -> decided.add(endpoint.method() + " " + endpoint.template()));
        assertThat(decided).containsAll(mapped);
        assertThat(mapped).hasSizeGreaterThan(25);
    }

    @Test
    void everyCallerGetsWhatItsRoleAllowsAndNothingMore() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            callers.forEach((caller, client) -> {
                ApiClient.Response response = client.request(endpoint.method(), endpoint.path());
                int expected = expectedDenial(caller, endpoint.needs());
                boolean right = expected == 0
                        ? response.status() != 401 && response.status() != 403 && response.status() < 500
                        : response.status() == expected && isProblem(response);
                if (!right) {
                    wrong.add(caller + " " + endpoint.method() + " " + endpoint.path() + " → " + response.status()
                            + " (expected " + (expected == 0 ? "to get through" : expected + " problem+json") + ")");
                }
            });
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aDenialSaysWhatToDo() {
        ApiClient.Response missing = callers.get("anonymous").get("/api/datasets");
        assertThat(missing.json().get("detail").asString()).contains("X-API-Key");
        assertThat(missing.header("WWW-Authenticate")).contains("X-API-Key");
        ApiClient.Response forbidden = callers.get("predictor").get("/api/datasets");
        assertThat(forbidden.json().get("type").asString()).isEqualTo("https://backprop.dev/problems/forbidden");
        assertThat(forbidden.json().get("detail").asString()).contains("trainer");
    }

    private static int expectedDenial(String caller, Needs needs) {
        if (caller.equals("wrong key")) {
            return 401;
        }
        if (needs == Needs.PUBLIC) {
            return 0;
        }
        if (caller.equals("anonymous")) {
            return 401;
        }
        Needs held = Needs.valueOf(caller.toUpperCase());
        return held.ordinal() >= needs.ordinal() ? 0 : 403;
    }

    private static boolean isProblem(ApiClient.Response response) {
        String type = response.header("Content-Type");
        return type != null && type.startsWith("application/problem+json");
    }

    static String issue(ApiClient admin, String role) {
        ApiClient.Response created = admin.postJson("/api/keys", "{\"name\": \"" + role + " of the matrix\", \"role\": \"" + role + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("key").asString();
    }
}
