package dev.backprop.prediction.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.backprop.shared.InvalidRequestException;
import dev.backprop.shared.Violation;

/** JSON prediction rows (objects of plain values) as raw text values, the way the CSV had them. */
final class JsonRows {

    private JsonRows() {
    }

    static List<Map<String, String>> raw(List<Map<String, Object>> rows) {
        List<Map<String, String>> raw = new ArrayList<>(rows.size());
        List<Violation> problems = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = new LinkedHashMap<>();
            if (rows.get(i) == null) {
                problems.add(new Violation("$[" + i + "]", "each row must be an object of feature → value"));
            } else {
                for (Map.Entry<String, Object> entry : rows.get(i).entrySet()) {
                    Object value = entry.getValue();
                    if (value instanceof Map || value instanceof List) {
                        problems.add(new Violation("$[" + i + "]." + entry.getKey(), "must be a number, a string, a boolean or null"));
                    }
                    row.put(entry.getKey(), value == null ? null : value.toString());
                }
            }
            raw.add(row);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("Some rows are not objects of plain values.", problems);
        }
        return raw;
    }
}
