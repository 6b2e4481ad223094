package dev.backprop.prediction;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The {@code backprop.predictions} timers, one per model and outcome. Registered once and kept: building and looking
 * up a timer with a percentile histogram on every request (tags, distribution config, registry lookup) cost a
 * measurable share of a single-row prediction under load.
 */
final class PredictionTimers {

    enum Outcome {
        SUCCESS, INVALID, UNAVAILABLE, ERROR;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    private final Map<Outcome, ConcurrentMap<String, Timer>> timers = new EnumMap<>(Outcome.class);

    PredictionTimers(MeterRegistry registry) {
        this.registry = registry;
        for (Outcome outcome : Outcome.values()) {
            timers.put(outcome, new ConcurrentHashMap<>());
        }
    }

    /** {@code model}: the model id, or {@code "unknown"} for ids that do not exist (never the caller's made-up id). */
    Timer timer(String model, Outcome outcome) {
        ConcurrentMap<String, Timer> byModel = timers.get(outcome);
        Timer timer = byModel.get(model);
        return timer != null ? timer : byModel.computeIfAbsent(model, m -> register(m, outcome));
    }

    private Timer register(String model, Outcome outcome) {
        return Timer.builder("backprop.predictions")
                .description("Prediction requests (one row or a batch) by model and outcome")
                .tag("model", model)
                .tag("outcome", outcome.tag())
                .publishPercentileHistogram()
                .register(registry);
    }
}
