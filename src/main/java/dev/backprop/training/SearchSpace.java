package dev.backprop.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.backprop.model.Candidates;
import dev.backprop.shared.InvalidRequestException;

/** Turns a declared space ({@code {"l2": [0.1, 0.01], "units": [16, 64]}}) into candidates: the full grid or a random sample of it. */
public final class SearchSpace {

    public static final int MAX_CANDIDATES = 50;

    private SearchSpace() {
    }

    public static List<Map<String, Double>> candidates(Map<String, List<Double>> space, String search, Integer count, long seed) {
        if (space == null || space.isEmpty()) {
            throw new InvalidRequestException("$.space", "declare at least one hyper-parameter with its values, e.g."
                    + " {\"l2\": [0.1, 0.01, 0.001]}; tunable: " + Candidates.NAMES);
        }
        space.forEach((name, values) -> {
            if (!Candidates.NAMES.contains(name)) {
                throw new InvalidRequestException("$.space." + name, "'" + name + "' cannot be tuned; allowed: " + Candidates.NAMES);
            }
            if (values == null || values.isEmpty() || values.stream().anyMatch(v -> v == null || !Double.isFinite(v))) {
                throw new InvalidRequestException("$.space." + name, "give a list of numbers to try");
            }
        });
        List<Map<String, Double>> grid = new ArrayList<>();
        grid.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<Double>> dimension : space.entrySet()) {
            List<Map<String, Double>> next = new ArrayList<>();
            for (Map<String, Double> partial : grid) {
                for (double value : dimension.getValue()) {
                    Map<String, Double> candidate = new LinkedHashMap<>(partial);
                    candidate.put(dimension.getKey(), value);
                    next.add(candidate);
                }
            }
            grid = next;
            if (grid.size() > 10_000) {
                throw new InvalidRequestException("$.space", "the space has more than 10000 combinations; narrow it");
            }
        }
        String mode = search == null ? "grid" : search;
        if (mode.equals("random")) {
            int n = count == null ? 10 : count;
            if (n < 1 || n > MAX_CANDIDATES) {
                throw new InvalidRequestException("$.candidates", "candidates must be between 1 and " + MAX_CANDIDATES);
            }
            Collections.shuffle(grid, new Random(seed));
            return List.copyOf(grid.subList(0, Math.min(n, grid.size())));
        }
        if (!mode.equals("grid")) {
            throw new InvalidRequestException("$.search", "unknown search '" + mode + "'; allowed: [grid, random]");
        }
        if (grid.size() > MAX_CANDIDATES) {
            throw new InvalidRequestException("$.space", "the grid has " + grid.size() + " candidates; the limit is "
                    + MAX_CANDIDATES + " (use \"search\": \"random\" with \"candidates\": n)");
        }
        return grid;
    }
}
