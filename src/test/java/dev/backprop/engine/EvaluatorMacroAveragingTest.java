package dev.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import dev.backprop.evaluation.Metrics;
import dev.backprop.preprocessing.TargetEncoder;
import dev.backprop.preprocessing.Task;
import org.junit.jupiter.api.Test;

/** Macro averages count every class, also one that is never predicted (0/0 counts as 0, as in scikit-learn). */
class EvaluatorMacroAveragingTest {

    @Test
    void classNeverPredictedCountsInMacroPrecisionAndF1() {
        TargetEncoder target = new TargetEncoder("c", Task.MULTICLASS, List.of("a", "b", "c"), null, 3);
        // actual a, b, c; predicted a, a, c — class b is never predicted.
        float[][] outputs = {{0.8f, 0.1f, 0.1f}, {0.8f, 0.1f, 0.1f}, {0.1f, 0.1f, 0.8f}};
        float[][] expected = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};

        Metrics metrics = new Evaluator().metrics(outputs, expected, target);

        // Per class: precision 1/2, 0 (0/0), 1; recall 1, 0, 1; F1 2/3, 0, 1 — averaged over all three classes.
        assertThat(metrics.precision()).isCloseTo((0.5 + 0 + 1) / 3, within(1e-6));
        assertThat(metrics.recall()).isCloseTo((1 + 0 + 1) / 3.0, within(1e-6));
        assertThat(metrics.f1()).isCloseTo((2.0 / 3 + 0 + 1) / 3, within(1e-6));
    }
}
