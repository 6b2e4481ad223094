package dev.backprop.explanation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import dev.backprop.dataset.CsvTable;
import dev.backprop.dataset.DatasetService;
import dev.backprop.engine.Evaluator;
import dev.backprop.engine.TrainedNetwork;
import dev.backprop.evaluation.Metrics;
import dev.backprop.model.ModelPlan;
import dev.backprop.model.ModelService;
import dev.backprop.model.StoredVersion;
import dev.backprop.preprocessing.Preprocessor;
import dev.backprop.preprocessing.Task;
import dev.backprop.shared.InvalidRequestException;
import dev.backprop.training.DataPreparation;
import org.springframework.stereotype.Service;

/**
 * Permutation feature importance on a version's held-out part: the split is rebuilt from the definition and seed
 * (the same rows training held out), encoded with the version's stored preprocessing, and scored with ROC AUC
 * (binary), accuracy (multiclass) or R² (regression).
 */
@Service
public class ImportanceService {

    static final int MAX_FEATURES = 100;

    private final ModelService models;
    private final DatasetService datasets;
    private final Evaluator evaluator;

    ImportanceService(ModelService models, DatasetService datasets, Evaluator evaluator) {
        this.models = models;
        this.datasets = datasets;
        this.evaluator = evaluator;
    }

    public FeatureImportance importance(long modelId, int version, int repeats, long seed) {
        if (repeats < 1 || repeats > 50) {
            throw new InvalidRequestException("repeats", "repeats must be between 1 and 50; got " + repeats);
        }
        StoredVersion stored = models.stored(modelId, Optional.of(version));
        Preprocessor preprocessor = stored.preprocessor();
        if (preprocessor.features().size() > MAX_FEATURES || preprocessor.target().columns() != null) {
            throw new InvalidRequestException("version", "feature importance is computed for single-target models with at"
                    + " most " + MAX_FEATURES + " features; this one has " + preprocessor.features().size());
        }
        ModelPlan plan = models.plan(modelId);
        CsvTable table = datasets.table(plan.definition().datasetId());
        int[] testRows = DataPreparation.testRows(table, plan);
        TrainedNetwork network = TrainedNetwork.fromBytes(stored.parameters());
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < table.columns().size(); c++) {
            index.put(table.columns().get(c), c);
        }
        String[][] rows = new String[testRows.length][];
        float[][] expected = new float[testRows.length][];
        for (int i = 0; i < testRows.length; i++) {
            rows[i] = table.rows().get(testRows[i]).clone();
            String[] row = rows[i];
            expected[i] = preprocessor.target().encode(column -> row[index.get(column)]);
        }
        String metric = metricName(preprocessor.target().task());
        double baseline = score(network, preprocessor, rows, index, expected);
        Random random = new Random(seed);
        List<FeatureImportance.Feature> features = new ArrayList<>();
        for (String column : preprocessor.featureColumns()) {
            int c = index.get(column);
            double[] drops = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                String[][] shuffled = shuffleColumn(rows, c, random);
                drops[r] = baseline - score(network, preprocessor, shuffled, index, expected);
            }
            features.add(new FeatureImportance.Feature(column, mean(drops), std(drops)));
        }
        features.sort(Comparator.comparingDouble(FeatureImportance.Feature::drop).reversed());
        return new FeatureImportance(modelId, version, metric, baseline, repeats, seed, features);
    }

    private double score(TrainedNetwork network, Preprocessor preprocessor, String[][] rows, Map<String, Integer> index,
            float[][] expected) {
        float[][] inputs = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            String[] row = rows[i];
            inputs[i] = preprocessor.encode(column -> row[index.get(column)], warning -> { });
        }
        Metrics metrics = evaluator.metrics(network.predict(inputs), expected, preprocessor.target());
        Double value = switch (preprocessor.target().task()) {
            case BINARY -> metrics.rocAuc();
            case REGRESSION -> metrics.r2();
            default -> metrics.accuracy();
        };
        return value == null ? Double.NaN : value;
    }

    private static String metricName(Task task) {
        return switch (task) {
            case BINARY -> "rocAuc";
            case REGRESSION -> "r2";
            default -> "accuracy";
        };
    }

    private static String[][] shuffleColumn(String[][] rows, int column, Random random) {
        String[][] copy = new String[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        for (int i = copy.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String swap = copy[i][column];
            copy[i][column] = copy[j][column];
            copy[j][column] = swap;
        }
        return copy;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double std(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = mean(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }
}
