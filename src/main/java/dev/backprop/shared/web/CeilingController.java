package dev.backprop.shared.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A constant JSON answer that does no work: the benchmark measures prediction throughput against it, so it is the
 * ceiling of this HTTP stack (Tomcat, filters, security, Jackson) on the same server. Off unless asked for.
 * <p>
 * Off means the same 404 as a path nothing serves. The switch is read at run time rather than being a bean condition:
 * the image runs the ahead-of-time processed context, whose bean conditions were settled at build time, and the
 * benchmark turns this on when it starts that image layout.
 */
@RestController
@Hidden
class CeilingController {

    /** Routed like the single-row prediction (see {@link CeilingRouting}), so the two compare like with like. */
    static final String PATH = "/api/benchmark/ceiling";
    private static final Map<String, Object> BODY = Map.of("prediction", "1", "probability", 0.5);

    private final boolean enabled;

    CeilingController(@Value("${backprop.benchmark.ceiling-endpoint:false}") boolean enabled) {
        this.enabled = enabled;
    }

    @GetMapping(value = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> ceiling() throws NoResourceFoundException {
        if (!enabled) {
            throw new NoResourceFoundException(HttpMethod.GET, PATH, PATH.substring(1));
        }
        return BODY;
    }
}
