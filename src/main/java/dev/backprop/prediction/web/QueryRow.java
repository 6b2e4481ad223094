package dev.backprop.prediction.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.backprop.shared.InvalidRequestException;
import dev.backprop.shared.Violation;
import org.springframework.util.MultiValueMap;

/** One prediction row from query parameters: every parameter but the reserved ones is a feature, given once. */
final class QueryRow {

    private QueryRow() {
    }

    static Map<String, String> from(MultiValueMap<String, String> parameters, List<String> reserved) {
        Map<String, String> row = new LinkedHashMap<>();
        List<Violation> repeated = new ArrayList<>();
        parameters.forEach((name, values) -> {
            if (!reserved.contains(name)) {
                if (values.size() > 1) {
                    repeated.add(new Violation(name, "'" + name + "' is given " + values.size() + " times; give it once"));
                }
                row.put(name, values.get(0));
            }
        });
        if (!repeated.isEmpty()) {
            throw new InvalidRequestException("Each feature may be given once.", repeated);
        }
        return row;
    }
}
