package dev.backprop.prediction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import dev.backprop.preprocessing.Preprocessor;
import dev.backprop.preprocessing.Task;
import dev.backprop.preprocessing.TargetEncoder;
import dev.backprop.shared.ConflictException;
import dev.backprop.shared.InvalidRequestException;
import dev.backprop.shared.NotFoundException;
import dev.backprop.shared.TooLargeException;
import dev.backprop.shared.Violation;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;

/** Predicts from raw feature values, exactly as the CSV had them, with a cached trained version. */
@Service
public class PredictionService {

    private final ModelCache cache;
    private final PredictionProperties properties;
    private final PredictionTimers timers;

    PredictionService(ModelCache cache, PredictionProperties properties, MeterRegistry registry) {
        this.cache = cache;
        this.properties = properties;
        this.timers = new PredictionTimers(registry);
    }

    /** Rows accepted in one request ({@code backprop.prediction.max-rows}). */
    public int maxRows() {
        return properties.maxRows();
    }

    /**
     * @param rows      raw values by column name; an empty string or null is a missing value
     * @param rowPath   how to name row i in error paths, e.g. {@code "$[3]"} or {@code "row 4"}; {@code null} for a single row
     * @param threshold for binary models: the positive probability from which the positive label is predicted
     */
    public Predictions predict(long modelId, Optional<Integer> version, List<Map<String, String>> rows,
            IntFunction<String> rowPath, Double threshold) {
        return predict(modelId, version, rows.size(), threshold,
                (preprocessor, warnings) -> PredictionInputs.encode(preprocessor, rows, rowPath, false, warnings));
    }

    /**
     * For tables (CSV): {@code rows[i][c]} is the value of {@code columns.get(c)}. Every row has the same columns, so a
     * missing feature is reported once for the header, and columns that are not features (an id, say) are ignored here
     * and left for the caller to echo.
     */
    public TablePredictions predictTable(long modelId, Optional<Integer> version, List<String> columns,
            List<String[]> rows, IntFunction<String> rowPath, Double threshold) {
        LoadedModel model = cache.get(modelId, version);
        List<Violation> missing = model.preprocessor().featureColumns().stream()
                .filter(feature -> !columns.contains(feature))
                .map(feature -> new Violation("header", "column '" + feature + "' is missing; this model's features are "
                        + model.preprocessor().featureColumns()))
                .toList();
        if (!missing.isEmpty()) {
            throw new InvalidRequestException(missing.get(0).message(), missing);
        }
        return timed(modelId, () -> {
            // A CSV answer has no column for warnings: they are left out.
            Outputs run = run(modelId, version, rows.size(), threshold,
                    (preprocessor, warnings) -> PredictionInputs.encodeTable(preprocessor, columns, rows, rowPath, warnings),
                    new ArrayList<>(rows.size()));
            return TablePredictions.of(run.model().preprocessor().target(), run.outputs(), run.threshold());
        });
    }

    /** Network inputs for a request's rows, one warnings list per row added to {@code warnings}. */
    @FunctionalInterface
    private interface Encoding {
        float[][] encode(Preprocessor preprocessor, List<List<String>> warnings);
    }

    private Predictions predict(long modelId, Optional<Integer> version, int rowCount, Double threshold, Encoding encoding) {
        return timed(modelId, () -> predictRows(modelId, version, rowCount, threshold, encoding));
    }

    /** Runs a prediction request, timing it by model and outcome. */
    private <T> T timed(long modelId, Supplier<T> request) {
        long start = System.nanoTime();
        PredictionTimers.Outcome outcome = PredictionTimers.Outcome.ERROR;
        String model = Long.toString(modelId);
        try {
            T predictions = request.get();
            outcome = PredictionTimers.Outcome.SUCCESS;
            return predictions;
        } catch (InvalidRequestException | TooLargeException e) {
            outcome = PredictionTimers.Outcome.INVALID;
            throw e;
        } catch (NotFoundException e) {
            // Not the caller's id: every made-up id would add a histogram that lives as long as the process.
            model = "unknown";
            outcome = PredictionTimers.Outcome.UNAVAILABLE;
            throw e;
        } catch (ConflictException e) {
            outcome = PredictionTimers.Outcome.UNAVAILABLE;
            throw e;
        } finally {
            timers.timer(model, outcome).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    /** The network's outputs for a request's rows, with the model and the decision threshold they are read with. */
    private record Outputs(LoadedModel model, double threshold, float[][] outputs) {
    }

    private Outputs run(long modelId, Optional<Integer> version, int rowCount, Double threshold, Encoding encoding,
            List<List<String>> warnings) {
        if (rowCount > properties.maxRows()) {
            throw new TooLargeException("The request has " + rowCount + " rows; the limit backprop.prediction.max-rows is "
                    + properties.maxRows() + ". Split it into smaller requests.");
        }
        LoadedModel model = cache.get(modelId, version);
        double cut = threshold(threshold, model.preprocessor().target());
        float[][] inputs = encoding.encode(model.preprocessor(), warnings);
        return new Outputs(model, cut, model.network().predict(inputs));
    }

    private Predictions predictRows(long modelId, Optional<Integer> version, int rowCount, Double threshold,
            Encoding encoding) {
        List<List<String>> warnings = new ArrayList<>(rowCount);
        Outputs run = run(modelId, version, rowCount, threshold, encoding, warnings);
        LoadedModel model = run.model();
        TargetEncoder target = model.preprocessor().target();
        double cut = run.threshold();
        float[][] outputs = run.outputs();
        List<RowPrediction> predictions = new ArrayList<>(outputs.length);
        for (int i = 0; i < outputs.length; i++) {
            predictions.add(RowPrediction.of(outputs[i], target, cut, warnings.get(i)));
        }
        boolean binary = target.task() == Task.BINARY;
        boolean multilabel = target.task() == Task.MULTILABEL;
        return new Predictions(modelId, model.version(), target.task().id(), binary ? target.positiveLabel() : null,
                binary || multilabel ? cut : null, multilabel ? target.columns() : target.labels(), predictions);
    }

    private static double threshold(Double threshold, TargetEncoder target) {
        if (threshold == null) {
            return target.decisionThreshold();
        }
        if (target.task() != Task.BINARY && target.task() != Task.MULTILABEL) {
            throw new InvalidRequestException("threshold", "threshold applies to binary and multi-label models only;"
                    + " this model is " + target.task().id());
        }
        if (target.signedScores()) {
            if (!Double.isFinite(threshold)) {
                throw new InvalidRequestException("threshold", "threshold must be a finite score; got " + threshold);
            }
            return threshold;
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new InvalidRequestException("threshold", "threshold must be between 0 and 1; got " + threshold);
        }
        return threshold;
    }
}
