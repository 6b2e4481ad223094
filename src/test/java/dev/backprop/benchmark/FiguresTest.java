package dev.backprop.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FiguresTest {

    private static final Map<String, Double> STORED = Map.of(MachineSpeed.KEY, 1_000.0,
            "predict_64_clients_per_s", 20_000.0, "predict_64_clients_p99_ms", 16.0, "predict_64_clients_ratio", 0.9,
            "startup_to_ready_s", 4.0, "rss_idle_mb", 300.0);

    @Test
    void aRunOnAMachineAtHalfTheSpeedThatDidAsWellForItsSpeedHasNothingMoved() {
        Figures halfSpeed = figures(500.0, 10_000.0, 32.0, 0.9, 8.0, 300.0);

        assertThat(halfSpeed.speedAgainst(STORED)).isEqualTo(0.5);
        assertThat(halfSpeed.compare(STORED)).isEmpty();
    }

    @Test
    void ratiosAndMemoryAreComparedAsMeasuredWhateverTheSpeed() {
        Figures halfSpeed = figures(500.0, 10_000.0, 32.0, 0.7, 8.0, 400.0);

        assertThat(halfSpeed.compare(STORED)).hasSize(2)
                .anySatisfy(line -> assertThat(line).startsWith("predict_64_clients_ratio").contains("-22%").endsWith("WORSE"))
                .anySatisfy(line -> assertThat(line).startsWith("rss_idle_mb").contains("+33%").endsWith("WORSE"));
    }

    @Test
    void aRateThatFellFurtherThanTheMachineSlowedIsWorseAndSaysWhatItWouldHaveBeenAtTheStoredSpeed() {
        Figures halfSpeed = figures(500.0, 7_000.0, 50.0, 0.9, 4.0, 300.0);

        assertThat(halfSpeed.compare(STORED)).hasSize(3)
                .anySatisfy(line -> assertThat(line).startsWith("predict_64_clients_per_s")
                        .matches(".* 20,000 -> +7,000 \\(14,000 at the stored speed\\) +-30% +WORSE"))
                .anySatisfy(line -> assertThat(line).startsWith("predict_64_clients_p99_ms").contains("+56%").endsWith("WORSE"))
                .anySatisfy(line -> assertThat(line).startsWith("startup_to_ready_s").contains("-50%").endsWith("better"));
    }

    @Test
    void withoutASpeedInTheStoredRunEverythingIsComparedAsMeasured() {
        Map<String, Double> storedWithoutSpeed = new HashMap<>(STORED);
        storedWithoutSpeed.remove(MachineSpeed.KEY);
        Figures halfSpeed = figures(500.0, 10_000.0, 32.0, 0.9, 8.0, 300.0);

        assertThat(halfSpeed.speedAgainst(storedWithoutSpeed)).isNaN();
        assertThat(halfSpeed.compare(storedWithoutSpeed)).hasSize(3)
                .allSatisfy(line -> assertThat(line).doesNotContain("at the stored speed").endsWith("WORSE"));
    }

    @Test
    void theMachineSpeedIsMeasuredAsWorkDoneInATimeAndKeptPerSample() throws InterruptedException {
        MachineSpeed speed = new MachineSpeed();

        double first = speed.sample();

        assertThat(first).isPositive();
        assertThat(speed.mean()).isEqualTo(first);
        assertThat(speed.describe()).contains("mean of 1 samples");
    }

    private static Figures figures(double speed, double predictPerSecond, double p99, double ratio, double startup,
            double rss) {
        Figures figures = new Figures();
        figures.put(MachineSpeed.KEY, speed);
        figures.put("predict_64_clients_per_s", predictPerSecond);
        figures.put("predict_64_clients_p99_ms", p99);
        figures.put("predict_64_clients_ratio", ratio);
        figures.put("startup_to_ready_s", startup);
        figures.put("rss_idle_mb", rss);
        return figures;
    }
}
