package dev.backprop.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

class DirectRouteTest {

    /** Stands in for a controller. */
    static class Endpoints {

        String one() {
            return "one";
        }
    }

    private final DirectRoute withVariable = route("/api/models/{id}/predict");
    private final DirectRoute fixed = route("/api/benchmark/ceiling");

    @Test
    void aMatchingRequestGetsTheMethodAndWhatTheRegularMappingWouldHaveSetForIt() throws Exception {
        MockHttpServletRequest request = get("/api/models/1207/predict");

        HandlerExecutionChain chain = withVariable.getHandler(request);

        assertThat(chain).isNotNull();
        assertThat(((HandlerMethod) chain.getHandler()).getMethod().getName()).isEqualTo("one");
        assertThat(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)).isEqualTo(Map.of("id", "1207"));
        assertThat(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)).isEqualTo("/api/models/{id}/predict");
        assertThat(request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE))
                .isEqualTo(Set.of(MediaType.APPLICATION_JSON));
        assertThat(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE)).isSameAs(chain.getHandler());
    }

    @Test
    void whatItDoesNotRecogniseExactlyIsLeftToTheRegularMapping() throws Exception {
        for (String path : new String[] {"/api/models/abc/predict", "/api/models//predict", "/api/models/12/predict/",
                "/api/models/12/predictions", "/api/models/1x/predict", "/api/models/-1/predict", "/api/models/12",
                "/api/models/1234567890123456789/predict", "/x/api/models/12/predict"}) {
            assertThat(withVariable.getHandler(get(path))).as(path).isNull();
        }
        MockHttpServletRequest post = get("/api/models/12/predict");
        post.setMethod("POST");
        assertThat(withVariable.getHandler(post)).isNull();
        assertThat(withVariable.getHandler(get("/api/models/123456789012345678/predict"))).isNotNull();
    }

    @Test
    void aFixedPathMatchesOnlyItself() throws Exception {
        MockHttpServletRequest request = get("/api/benchmark/ceiling");

        assertThat(fixed.getHandler(request)).isNotNull();
        assertThat(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)).isEqualTo(Map.of());
        assertThat(fixed.getHandler(get("/api/benchmark/ceilings"))).isNull();
        assertThat(fixed.getHandler(get("/api/benchmark/ceiling/"))).isNull();
    }

    @Test
    void itAnswersWhichPatternARequestMatchesAsTheRegularMappingDoes() {
        MockHttpServletRequest request = get("/api/models/12/predict");

        assertThat(withVariable.match(request, "/api/models/{id}/predict")).isNotNull();
        assertThat(withVariable.match(request, "/api/models/{id}/predict").extractUriTemplateVariables())
                .isEqualTo(Map.of("id", "12"));
        assertThat(withVariable.match(request, "/api/models/{id}/predictions")).isNull();
    }

    private static DirectRoute route(String pattern) {
        try {
            return new DirectRoute(pattern, new Endpoints(), Endpoints.class.getDeclaredMethod("one"), MediaType.APPLICATION_JSON);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MockHttpServletRequest get(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }
}
