package dev.backprop.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import dev.backprop.evaluation.Baseline;
import dev.backprop.evaluation.ConfusionMatrix;
import dev.backprop.evaluation.Metrics;
import dev.backprop.evaluation.RocPoint;
import dev.backprop.model.ModelService;
import dev.backprop.model.VersionInfo;
import dev.backprop.shared.ConflictException;
import dev.backprop.shared.NotFoundException;
import dev.backprop.training.CrossValidationResult;
import dev.backprop.training.JobView;
import dev.backprop.training.TrainingService;
import dev.backprop.explanation.FeatureImportance;
import dev.backprop.explanation.ImportanceService;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.springframework.stereotype.Service;

/** Draws the charts of a trained version (ROC curve, confusion matrix, feature importance) and of a training job (loss, accuracy). */
@Service
public class ChartService {

    public static final List<String> VERSION_CHARTS = List.of("roc", "confusion-matrix", "importance");
    public static final List<String> JOB_CHARTS = List.of("loss", "accuracy", "folds");

    private static final int WIDTH = 800;
    private static final int HEIGHT = 600;

    private final ModelService models;
    private final TrainingService training;
    private final ImportanceService importance;
    private final tools.jackson.databind.json.JsonMapper json;

    ChartService(ModelService models, TrainingService training, ImportanceService importance,
            tools.jackson.databind.json.JsonMapper json) {
        this.models = models;
        this.training = training;
        this.importance = importance;
        this.json = json;
    }

    public byte[] versionChart(long modelId, int version, String name, ChartFormat format) {
        VersionInfo info = models.version(modelId, version);
        Metrics test = info.metrics().test();
        String subject = "model " + modelId + " version " + version + ", held-out part";
        return switch (name) {
            case "roc" -> format.encode(roc(test, info.metrics().baseline(), subject));
            case "confusion-matrix" -> format.encode(confusion(test.confusionMatrix(), subject));
            case "importance" -> format.encode(importance(importance.importance(modelId, version, 5, 42), subject));
            default -> throw new NotFoundException("Chart", name + " (version charts: " + VERSION_CHARTS + ")");
        };
    }

    public byte[] jobChart(long jobId, String name, ChartFormat format) {
        JobView job = training.get(jobId, true);
        if (name.equals("folds")) {
            if (job.kind() != dev.backprop.training.JobKind.CROSS_VALIDATION || job.result() == null) {
                throw new ConflictException("The folds chart belongs to a finished cross-validation job; job " + jobId + " is not one.");
            }
            return format.encode(folds(json.convertValue(job.result(), CrossValidationResult.class),
                    "job " + jobId + " (model " + job.modelId() + ")"));
        }
        if (job.history() == null || job.history().isEmpty()) {
            throw new ConflictException("Training job " + jobId + " has no finished epoch yet; its charts appear after the first.");
        }
        String title = "job " + jobId + " (model " + job.modelId() + ")";
        return switch (name) {
            case "loss" -> format.encode(curves("Loss per epoch — " + title, "loss", job.history(),
                    JobView.EpochView::trainLoss, JobView.EpochView::testLoss));
            case "accuracy" -> {
                if (job.history().get(0).trainAccuracy() == null) {
                    throw new ConflictException("Training job " + jobId + " is a regression: it has no accuracy curve; see loss.");
                }
                yield format.encode(curves("Accuracy per epoch — " + title, "accuracy", job.history(),
                        JobView.EpochView::trainAccuracy, JobView.EpochView::testAccuracy));
            }
            default -> throw new NotFoundException("Chart", name + " (job charts: " + JOB_CHARTS + ")");
        };
    }

    private static XYChart curves(String title, String measure, List<JobView.EpochView> history,
            Function<JobView.EpochView, Double> train, Function<JobView.EpochView, Double> test) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("epoch").yAxisTitle(measure).build();
        List<Integer> epochs = history.stream().map(JobView.EpochView::epoch).toList();
        chart.addSeries("training part", epochs, history.stream().map(train).toList()).setMarker(SeriesMarkers.NONE);
        chart.addSeries("held-out part", epochs, history.stream().map(test).toList()).setMarker(SeriesMarkers.NONE);
        return chart;
    }

    private static XYChart roc(Metrics test, Baseline baseline, String subject) {
        if (test.rocCurve() == null) {
            throw new ConflictException("A ROC curve needs a binary classifier with probabilities; this version has none.");
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("ROC curve — " + subject)
                .xAxisTitle("false positive rate (1 − specificity)").yAxisTitle("true positive rate (sensitivity)").build();
        addRoc(chart, "network (AUC " + format(test.rocAuc()) + ")", test.rocCurve());
        if (baseline != null && baseline.test().rocCurve() != null) {
            addRoc(chart, "logistic baseline (AUC " + format(baseline.test().rocAuc()) + ")", baseline.test().rocCurve());
        }
        XYSeries chance = chart.addSeries("chance (AUC 0.5)", new double[] {0, 1}, new double[] {0, 1});
        chance.setMarker(SeriesMarkers.NONE);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setXAxisMin(0.0).setXAxisMax(1.0);
        return chart;
    }

    private static void addRoc(XYChart chart, String name, List<RocPoint> curve) {
        List<RocPoint> sorted = new ArrayList<>(curve);
        sorted.sort((a, b) -> Double.compare(a.falsePositiveRate(), b.falsePositiveRate()) != 0
                ? Double.compare(a.falsePositiveRate(), b.falsePositiveRate())
                : Double.compare(a.truePositiveRate(), b.truePositiveRate()));
        chart.addSeries(name, sorted.stream().map(RocPoint::falsePositiveRate).toList(),
                sorted.stream().map(RocPoint::truePositiveRate).toList()).setMarker(SeriesMarkers.NONE);
    }

    private static HeatMapChart confusion(ConfusionMatrix matrix, String subject) {
        if (matrix == null) {
            throw new ConflictException("A confusion matrix needs a binary or multiclass classifier; this version has none.");
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT).title("Confusion matrix — " + subject)
                .xAxisTitle("predicted").yAxisTitle("actual").build();
        chart.getStyler().setShowValue(true);
        List<Number[]> cells = new ArrayList<>();
        for (int actual = 0; actual < matrix.labels().size(); actual++) {
            for (int predicted = 0; predicted < matrix.labels().size(); predicted++) {
                cells.add(new Number[] {predicted, actual, matrix.counts()[actual][predicted]});
            }
        }
        chart.addSeries("rows", matrix.labels(), matrix.labels(), cells);
        return chart;
    }

    /** Each fold's held-out accuracy and ROC AUC (or R²) as bars, so the spread between folds shows. */
    private static CategoryChart folds(CrossValidationResult result, String title) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Cross-validation, " + result.folds() + " folds — " + title).xAxisTitle("fold").yAxisTitle("held-out score").build();
        List<String> folds = result.perFold().stream().map(f -> "fold " + f.fold()).toList();
        boolean classification = result.perFold().get(0).test().accuracy() != null;
        if (classification) {
            chart.addSeries("accuracy (mean " + format(result.mean().get("accuracy")) + ")", folds,
                    result.perFold().stream().map(f -> f.test().accuracy()).toList());
            if (result.perFold().get(0).test().rocAuc() != null) {
                chart.addSeries("ROC AUC (mean " + format(result.mean().get("rocAuc")) + ")", folds,
                        result.perFold().stream().map(f -> f.test().rocAuc()).toList());
            }
        } else {
            chart.addSeries("R² (mean " + format(result.mean().get("r2")) + ")", folds,
                    result.perFold().stream().map(f -> f.test().r2()).toList());
        }
        return chart;
    }

    private static CategoryChart importance(FeatureImportance importance, String subject) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Permutation feature importance — " + subject)
                .xAxisTitle("feature").yAxisTitle("drop in " + importance.metric() + " when shuffled").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(45);
        chart.addSeries("mean drop over " + importance.repeats() + " shuffles",
                importance.features().stream().map(FeatureImportance.Feature::column).toList(),
                importance.features().stream().map(FeatureImportance.Feature::drop).toList(),
                importance.features().stream().map(FeatureImportance.Feature::std).toList());
        return chart;
    }

    private static String format(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }
}
