package dev.backprop.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.type.TypeReference;

/**
 * The raw figures of one run by key, stored as a fenced JSON block inside docs/benchmarks.md, and the comparison
 * with an earlier run. Keys ending in {@code _ms}, {@code _s} or {@code _mb} are better lower; all others higher.
 */
final class Figures {

    static final String BEGIN = "```json benchmark-figures";

    private static final Pattern BLOCK = Pattern.compile(Pattern.quote(BEGIN) + "\\n(.*?)\\n```", Pattern.DOTALL);

    final Map<String, Double> values = new LinkedHashMap<>();

    void put(String key, double value) {
        values.put(key, value);
    }

    double get(String key) {
        Double value = values.get(key);
        return value == null ? Double.NaN : value;
    }

    String json() {
        return Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(values);
    }

    /** The figures stored in a report written by this harness, or empty if there is none. */
    static Map<String, Double> read(Path report) throws IOException {
        if (!Files.exists(report)) {
            return Map.of();
        }
        Matcher matcher = BLOCK.matcher(Files.readString(report));
        if (!matcher.find()) {
            return Map.of();
        }
        return Api.JSON.readValue(matcher.group(1), new TypeReference<LinkedHashMap<String, Double>>() { });
    }

    /**
     * This machine's speed against the stored run's ({@link MachineSpeed}): above 1 faster, below slower; NaN when either
     * run lacks the figure.
     */
    double speedAgainst(Map<String, Double> before) {
        Double old = before.get(MachineSpeed.KEY);
        double now = get(MachineSpeed.KEY);
        return old == null || old <= 0 || !Double.isFinite(now) ? Double.NaN : now / old;
    }

    /**
     * What moved beyond noise: throughputs and ratios by more than 15%, latencies by more than 30% (p99 on two
     * shared cores jumps easily), start-up and memory by more than 20%. One line per figure that moved. Absolute
     * rates and times are first scaled by the machine's speed against the stored run's (a rate measured at half the
     * speed counts double); ratios of two figures of this run and memory are compared as they are.
     */
    List<String> compare(Map<String, Double> before) {
        double speed = speedAgainst(before);
        List<String> moved = new ArrayList<>();
        for (Map.Entry<String, Double> entry : values.entrySet()) {
            String key = entry.getKey();
            Double old = before.get(key);
            double now = entry.getValue();
            if (key.equals(MachineSpeed.KEY) || old == null || old == 0 || !Double.isFinite(old) || !Double.isFinite(now)) {
                continue;
            }
            // Durations (…_ms, …_s) and memory (…_mb) are better lower; rates (…_per_s) and ratios better higher.
            boolean duration = key.endsWith("_s") && !key.endsWith("_per_s");
            boolean memory = key.endsWith("_mb");
            boolean lowerIsBetter = key.endsWith("_ms") || duration || memory;
            boolean scaled = Double.isFinite(speed) && !key.contains("ratio") && !memory;
            double comparable = !scaled ? now : lowerIsBetter ? now * speed : now / speed;
            double change = (comparable - old) / Math.abs(old);
            double noise = key.endsWith("_ms") ? 0.30 : duration || memory ? 0.20 : 0.15;
            if (Math.abs(change) > noise) {
                boolean better = lowerIsBetter ? change < 0 : change > 0;
                moved.add(String.format("%-48s %12s -> %12s%s  %+6.0f%%  %s", key, Report.number(old), Report.number(now),
                        scaled ? String.format(" (%s at the stored speed)", Report.number(comparable)) : "",
                        change * 100, better ? "better" : "WORSE"));
            }
        }
        return moved;
    }
}
