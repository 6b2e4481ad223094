package dev.backprop.shared.web;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import org.springframework.web.servlet.handler.MatchableHandlerMapping;
import org.springframework.web.servlet.handler.RequestMatchResult;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Routes {@code GET} requests for one path pattern straight to a controller method that already has a regular
 * {@code @GetMapping} for it, ahead of Spring's request mappings. Those find a handler by trying every mapping in
 * turn, the actuator's and then the application's (a fixed path is looked up directly among the application's): at
 * 64 clients that took the single-row prediction endpoint about 11 µs of CPU per request, the benchmark's fixed-path
 * ceiling endpoint about 6 µs (async-profiler), a third of the prediction's dispatch; behind this route, finding the
 * handler was 2–5% of it.
 *
 * <p>The request then looks to everything after routing as it does after the regular mapping: the same handler
 * method, its URI variable, the best matching pattern (the {@code uri} tag of the HTTP metrics) and the producible
 * type. What a route does not recognise exactly (another method, a variable that is not a plain number, a trailing
 * slash) falls through to the regular mapping, which also carries the endpoint's OpenAPI description.
 */
public class DirectRoute extends AbstractHandlerMapping implements MatchableHandlerMapping {

    /** Longer numbers are left to the regular mapping, which answers them as it always has. */
    private static final int MAX_DIGITS = 18;

    private final String pattern;
    private final String prefix;
    private final String suffix;
    private final String variable;
    private final HandlerMethod handler;
    private final Set<MediaType> produces;

    /**
     * {@code pattern}: a fixed path, or one with a single {@code {name}} part that matches 1 to 18 ASCII digits;
     * {@code method}: the controller's method mapped to it, which answers {@code produces}.
     */
    public DirectRoute(String pattern, Object controller, Method method, MediaType produces) {
        int open = pattern.indexOf('{');
        int close = pattern.indexOf('}');
        this.pattern = pattern;
        this.prefix = open < 0 ? pattern : pattern.substring(0, open);
        this.suffix = open < 0 ? "" : pattern.substring(close + 1);
        this.variable = open < 0 ? null : pattern.substring(open + 1, close);
        this.handler = new HandlerMethod(controller, method);
        this.produces = Set.of(produces);
        // Before the actuator's mapping (-100) and the controllers' (0).
        setOrder(Ordered.HIGHEST_PRECEDENCE);
    }

    /** The handler method this route hands its requests to. */
    public HandlerMethod handler() {
        return handler;
    }

    @Override
    protected Object getHandlerInternal(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return null;
        }
        String path = initLookupPath(request);
        Map<String, String> variables;
        if (variable == null) {
            if (!path.equals(prefix)) {
                return null;
            }
            variables = Map.of();
        } else {
            String number = number(path);
            if (number == null) {
                return null;
            }
            variables = Map.of(variable, number);
        }
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, variables);
        request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, pattern);
        request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
        request.setAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE, path);
        request.setAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE, produces);
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> context.setPathPattern(pattern));
        return handler;
    }

    /**
     * Whether the request matches {@code pattern}, as the regular mapping answers it, for whoever asks the mappings
     * which pattern a request matches ({@code HandlerMappingIntrospector}: request matchers, CORS).
     */
    @Override
    public RequestMatchResult match(HttpServletRequest request, String pattern) {
        PathPattern parsed = getPatternParser().parse(pattern);
        PathContainer path = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication();
        return parsed.matches(path) ? new RequestMatchResult(parsed, path) : null;
    }

    /** The variable part of {@code path} when the rest is the pattern's and it is 1 to 18 ASCII digits; else null. */
    private String number(String path) {
        int end = path.length() - suffix.length();
        if (!path.startsWith(prefix) || !path.endsWith(suffix) || end <= prefix.length() || end - prefix.length() > MAX_DIGITS) {
            return null;
        }
        for (int i = prefix.length(); i < end; i++) {
            char c = path.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return path.substring(prefix.length(), end);
    }
}
