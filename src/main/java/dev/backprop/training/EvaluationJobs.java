package dev.backprop.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import dev.backprop.engine.Trainer;
import dev.backprop.engine.TrainingOutcome;
import dev.backprop.evaluation.EvaluatedVersion;
import dev.backprop.evaluation.Metrics;
import dev.backprop.model.Candidates;
import dev.backprop.model.ModelPlan;
import dev.backprop.model.ModelService;
import dev.backprop.preprocessing.ParsedTable;
import dev.backprop.preprocessing.Task;
import org.springframework.stereotype.Component;

/** Cross-validation and tuning: many trainings of one definition (or its candidates) on different splits. */
@Component
class EvaluationJobs {

    /** Thrown when a cancel or a shutdown stopped the job between or during its trainings. */
    static class Stopped extends RuntimeException {
        Stopped() {
            super("stopped", null, false, false);
        }
    }

    private final Trainer trainer;
    private final HelperThreads helpers;
    private final ModelService models;

    EvaluationJobs(Trainer trainer, HelperThreads helpers, ModelService models) {
        this.trainer = trainer;
        this.helpers = helpers;
        this.models = models;
    }

    CrossValidationResult crossValidate(ModelPlan plan, ParsedTable table, int k, java.util.function.Consumer<String> progress,
            BooleanSupplier goOn) {
        return crossValidate(plan, table, k, progress, goOn, true);
    }

    /** {@code withBaseline}: also fit the logistic baseline per fold (not worth it when only ranking candidates). */
    private CrossValidationResult crossValidate(ModelPlan plan, ParsedTable table, int k, java.util.function.Consumer<String> progress,
            BooleanSupplier goOn, boolean withBaseline) {
        List<CrossValidationResult.Fold> folds = new ArrayList<>();
        List<int[][]> splits = DataPreparation.folds(table.table(), plan, k);
        for (int f = 0; f < splits.size(); f++) {
            progress.accept("fold " + (f + 1) + " of " + k);
            DataPreparation.Prepared prepared = DataPreparation.prepare(table, plan, splits.get(f));
            EvaluatedVersion evaluated = trainAndEvaluate(plan, prepared, goOn, withBaseline);
            folds.add(new CrossValidationResult.Fold(f + 1, evaluated.train(), evaluated.test(),
                    evaluated.baseline() == null ? null : evaluated.baseline().test()));
        }
        List<Metrics> tests = folds.stream().map(CrossValidationResult.Fold::test).toList();
        List<Metrics> baselines = folds.stream().map(CrossValidationResult.Fold::baselineTest).filter(m -> m != null).toList();
        return new CrossValidationResult(k, folds, summary(tests, false), summary(tests, true),
                baselines.isEmpty() ? null : summary(baselines, false), baselines.isEmpty() ? null : summary(baselines, true));
    }

    TuningResult tune(long modelId, List<Map<String, Double>> candidates, int folds, ParsedTable table,
            java.util.function.Consumer<String> progress, BooleanSupplier goOn) {
        List<TuningResult.Candidate> scored = new ArrayList<>();
        String metric = null;
        for (int i = 0; i < candidates.size(); i++) {
            progress.accept("candidate " + (i + 1) + " of " + candidates.size());
            Map<String, Double> values = candidates.get(i);
            ModelPlan plan = models.plan(modelId, definition -> Candidates.apply(definition, values));
            metric = metric(plan.target().task());
            double score;
            Double std = null;
            if (folds > 1) {
                CrossValidationResult cv = crossValidate(plan, table, folds, step -> { }, goOn, false);
                score = cv.mean().get(metric);
                std = cv.std().get(metric);
            } else {
                score = value(trainAndEvaluate(plan, DataPreparation.prepare(table, plan), goOn, false).test(), metric);
            }
            scored.add(new TuningResult.Candidate(0, values, score, std));
        }
        scored.sort(Comparator.comparingDouble(TuningResult.Candidate::score).reversed());
        List<TuningResult.Candidate> ranked = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            TuningResult.Candidate c = scored.get(i);
            ranked.add(new TuningResult.Candidate(i + 1, c.values(), c.score(), c.std()));
        }
        return new TuningResult(metric, folds > 1 ? folds + "-fold mean" : "held-out part", ranked);
    }

    private EvaluatedVersion trainAndEvaluate(ModelPlan plan, DataPreparation.Prepared prepared, BooleanSupplier goOn,
            boolean withBaseline) {
        var baseline = withBaseline ? helpers.start(plan, prepared.data()) : null;
        TrainingOutcome outcome = trainer.train(plan.design(), prepared.data(), plan.target(), null,
                (stats, checkpoint) -> goOn.getAsBoolean(), helpers.executor());
        if (outcome.stoppedEarly()) {
            throw new Stopped();
        }
        return helpers.evaluate(outcome.network(), plan, prepared.data(), baseline);
    }

    static String metric(Task task) {
        return switch (task) {
            case BINARY -> "rocAuc";
            case REGRESSION -> "r2";
            default -> "accuracy";
        };
    }

    private static Map<String, Double> summary(List<Metrics> metrics, boolean spread) {
        Map<String, Double> summary = new LinkedHashMap<>();
        for (String name : List.of("accuracy", "precision", "recall", "f1", "rocAuc", "logLoss", "mse", "rmse", "mae", "r2")) {
            double[] values = metrics.stream().map(m -> valueOrNull(m, name)).filter(v -> v != null)
                    .mapToDouble(Double::doubleValue).toArray();
            if (values.length == metrics.size() && values.length > 0) {
                double mean = java.util.Arrays.stream(values).average().orElseThrow();
                double squares = java.util.Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
                summary.put(name, spread ? (values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0) : mean);
            }
        }
        return summary;
    }

    private static double value(Metrics metrics, String name) {
        Double value = valueOrNull(metrics, name);
        return value == null ? Double.NaN : value;
    }

    private static Double valueOrNull(Metrics m, String name) {
        return switch (name) {
            case "accuracy" -> m.accuracy();
            case "precision" -> m.precision();
            case "recall" -> m.recall();
            case "f1" -> m.f1();
            case "rocAuc" -> m.rocAuc();
            case "logLoss" -> m.logLoss();
            case "mse" -> m.mse();
            case "rmse" -> m.rmse();
            case "mae" -> m.mae();
            default -> m.r2();
        };
    }
}
