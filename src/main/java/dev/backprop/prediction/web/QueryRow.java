package dev.backprop.prediction.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.backprop.shared.InvalidRequestException;
import dev.backprop.shared.Violation;
import org.springframework.util.NumberUtils;

/**
 * A single-row prediction's query: {@code version} and {@code threshold}, and every other parameter a feature, given
 * once. Read in one pass over the servlet's parameter map rather than by Spring's argument resolvers: binding three
 * {@code @RequestParam}s and a {@code MultiValueMap} (a data binder and type lookups per argument, a copy of the
 * parameters) cost the single-row endpoint more CPU than the prediction itself.
 */
record QueryRow(Integer version, Double threshold, Map<String, String> features) {

    static final String VERSION = "version";
    static final String THRESHOLD = "threshold";

    /**
     * The model id of {@code /api/models/{id}/predict}, read from the matched path's variables for the same reason:
     * {@code @PathVariable long} went through a data binder and the conversion service's lookups on every request, which
     * cost about as much as writing the JSON answer. Not a number: the same answer Spring gives a mismatched parameter.
     */
    static long modelId(Map<String, String> pathVariables) {
        String id = pathVariables.get("id");
        try {
            return NumberUtils.parseNumber(id, Long.class);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("id", "parameter 'id' has the wrong type: '" + id + "' is not a valid long");
        }
    }

    /**
     * The parameters of a raw query string, decoded as Tomcat decodes them ({@code +} is a space, {@code %XX} escapes
     * are UTF-8, a name without {@code =} has an empty value, empty parts are skipped), in the order given. Read here
     * rather than through {@code getParameterMap()}: Tomcat's parse and the security firewall's regular expression on
     * every name cost a single-row prediction with 25 features about 20 µs, more than the network. What Tomcat refuses
     * (a broken escape, a value without a name) is refused too, naming the parameter.
     */
    static Map<String, String[]> parameters(String query) {
        Map<String, String[]> parameters = new LinkedHashMap<>();
        int start = 0;
        while (start <= query.length()) {
            int end = query.indexOf('&', start);
            end = end < 0 ? query.length() : end;
            int equals = query.indexOf('=', start);
            boolean hasValue = equals >= 0 && equals < end;
            String name = decode(query, start, hasValue ? equals : end, null);
            if (name.isEmpty() && hasValue) {
                String chunk = query.substring(start, end);
                throw new InvalidRequestException(chunk, "'" + chunk + "' in the query string has no parameter name;"
                        + " write name=value");
            }
            if (!name.isEmpty()) {
                String value = hasValue ? decode(query, equals + 1, end, name) : "";
                String[] values = parameters.get(name);
                if (values == null) {
                    parameters.put(name, new String[] {value});
                } else {
                    String[] more = java.util.Arrays.copyOf(values, values.length + 1);
                    more[values.length] = value;
                    parameters.put(name, more);
                }
            }
            start = end + 1;
        }
        return parameters;
    }

    /** {@code query[from, to)} decoded; {@code name}: the parameter a value belongs to, for the error. */
    private static String decode(String query, int from, int to, String name) {
        for (int i = from; i < to; i++) {
            char c = query.charAt(i);
            if (c == '%' || c == '+') {
                String raw = query.substring(from, to);
                try {
                    return URLDecoder.decode(raw, StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    String path = name == null ? raw : name;
                    throw new InvalidRequestException(path, "'" + raw + "' is not valid in a query string: a % must be"
                            + " followed by two hex digits (write % itself as %25)");
                }
            }
        }
        return query.substring(from, to);
    }

    static QueryRow from(Map<String, String[]> parameters) {
        Map<String, String> features = new LinkedHashMap<>(parameters.size() * 4 / 3 + 1);
        List<Violation> repeated = null;
        Integer version = null;
        Double threshold = null;
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            String[] values = parameter.getValue();
            if (values.length == 0) {
                continue;
            }
            if (name.equals(VERSION)) {
                version = number(name, values[0], Integer.class);
            } else if (name.equals(THRESHOLD)) {
                threshold = number(name, values[0], Double.class);
            } else {
                if (values.length > 1) {
                    repeated = repeated == null ? new ArrayList<>() : repeated;
                    repeated.add(new Violation(name, "'" + name + "' is given " + values.length + " times; give it once"));
                }
                features.put(name, values[0]);
            }
        }
        if (repeated != null) {
            throw new InvalidRequestException("Each feature may be given once.", repeated);
        }
        return new QueryRow(version, threshold, features);
    }

    /**
     * As Spring converts a {@code @RequestParam} (whitespace ignored, an empty value is absent, Java number syntax),
     * with the answer its type-mismatch handler gives. A name without "=" is empty from Tomcat, null from other
     * parsers (the fuzz test's): absent either way.
     */
    private static <T extends Number> T number(String name, String value, Class<T> type) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return NumberUtils.parseNumber(value, type);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(name, "parameter '" + name + "' has the wrong type: '" + value
                    + "' is not a valid " + type.getSimpleName());
        }
    }
}
