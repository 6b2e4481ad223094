package dev.backprop.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import dev.backprop.prediction.PredictionTimers.Outcome;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

/** The kept timers are the registry's own, with the percentile histogram, one per model and outcome. */
class PredictionTimersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PredictionTimers timers = new PredictionTimers(registry);

    @Test
    void oneTimerPerModelAndOutcomeRegisteredWithItsTags() {
        Timer success = timers.timer("7", Outcome.SUCCESS);
        success.record(Duration.ofMillis(3));
        timers.timer("7", Outcome.SUCCESS).record(Duration.ofMillis(5));
        timers.timer("7", Outcome.INVALID).record(Duration.ofMillis(1));
        timers.timer("unknown", Outcome.UNAVAILABLE).record(Duration.ofMillis(1));

        assertThat(timers.timer("7", Outcome.SUCCESS)).isSameAs(success);
        Timer registered = registry.get("backprop.predictions").tag("model", "7").tag("outcome", "success").timer();
        assertThat(registered).isSameAs(success);
        assertThat(registered.count()).isEqualTo(2);
        assertThat(registry.get("backprop.predictions").tag("model", "7").tag("outcome", "invalid").timer().count())
                .isEqualTo(1);
        assertThat(registry.get("backprop.predictions").tag("model", "unknown").tag("outcome", "unavailable").timer()
                .count()).isEqualTo(1);
        assertThat(registry.find("backprop.predictions").timers()).hasSize(3);
    }

    @Test
    void timersPublishThePercentileHistogram() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new PredictionTimers(prometheus).timer("7", Outcome.SUCCESS).record(Duration.ofMillis(3));
        assertThat(prometheus.scrape()).contains("backprop_predictions_seconds_bucket{model=\"7\",outcome=\"success\",le=");
    }
}
