package dev.backprop.shared.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A constant JSON answer that does no work: the benchmark measures prediction throughput against it, so it is the
 * ceiling of this HTTP stack (Tomcat, filters, security, Jackson) on the same server. Off unless asked for.
 */
@RestController
@Hidden
@ConditionalOnProperty(name = "backprop.benchmark.ceiling-endpoint", havingValue = "true")
class CeilingController {

    private static final Map<String, Object> BODY = Map.of("prediction", "1", "probability", 0.5);

    @GetMapping(value = "/api/benchmark/ceiling", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> ceiling() {
        return BODY;
    }
}
