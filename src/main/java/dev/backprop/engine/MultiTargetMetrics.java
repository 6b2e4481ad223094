package dev.backprop.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.backprop.evaluation.Metrics;
import dev.backprop.preprocessing.Task;
import dev.backprop.preprocessing.TargetEncoder;

/**
 * Metrics for several targets: each column evaluated on its own (a multi-label column as a binary 0/1 task, a
 * regression column as a regression), and their means as the headline.
 */
final class MultiTargetMetrics {

    private MultiTargetMetrics() {
    }

    static Metrics of(Evaluator evaluator, float[][] outputs, float[][] expected, TargetEncoder target) {
        Map<String, Metrics> perTarget = new LinkedHashMap<>();
        List<String> columns = target.columns();
        for (int c = 0; c < columns.size(); c++) {
            TargetEncoder single = target.task() == Task.MULTILABEL
                    ? new TargetEncoder(columns.get(c), Task.BINARY, List.of("0", "1"), "1", 1)
                    : new TargetEncoder(columns.get(c), Task.REGRESSION, null, null, 1);
            perTarget.put(columns.get(c), evaluator.metrics(column(outputs, c), column(expected, c), single));
        }
        if (target.task() == Task.MULTILABEL) {
            return new Metrics(outputs.length, Outputs.labelAccuracy(outputs, expected), mean(perTarget, Metrics::precision),
                    mean(perTarget, Metrics::recall), mean(perTarget, Metrics::f1), mean(perTarget, Metrics::rocAuc),
                    mean(perTarget, Metrics::logLoss), null, null, null, null, null, perTarget);
        }
        return new Metrics(outputs.length, null, null, null, null, null, null, null, mean(perTarget, Metrics::mse),
                mean(perTarget, Metrics::rmse), mean(perTarget, Metrics::mae), mean(perTarget, Metrics::r2), perTarget);
    }

    private static float[][] column(float[][] matrix, int c) {
        float[][] column = new float[matrix.length][1];
        for (int i = 0; i < matrix.length; i++) {
            column[i][0] = matrix[i][c];
        }
        return column;
    }

    private static Double mean(Map<String, Metrics> perTarget, Function<Metrics, Double> metric) {
        double sum = 0;
        int count = 0;
        for (Metrics metrics : perTarget.values()) {
            Double value = metric.apply(metrics);
            if (value != null) {
                sum += value;
                count++;
            }
        }
        return count == 0 ? null : sum / count;
    }
}
