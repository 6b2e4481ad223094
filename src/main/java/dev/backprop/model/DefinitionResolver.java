package dev.backprop.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.backprop.dataset.ColumnSchema;
import dev.backprop.dataset.ColumnType;
import dev.backprop.dataset.DatasetInfo;
import dev.backprop.dataset.DatasetSchema;
import dev.backprop.dataset.Numbers;
import dev.backprop.preprocessing.Imputation;
import dev.backprop.preprocessing.Scaling;
import dev.backprop.preprocessing.Task;
import dev.backprop.preprocessing.TargetEncoder;
import dev.backprop.shared.InvalidRequestException;
import dev.backprop.shared.Violation;

/**
 * Validates a definition against its dataset and fills in every default. All problems are collected before
 * anything is thrown, so the caller sees the whole list at once. The network part is left to {@link NetworkResolver}.
 */
public final class DefinitionResolver {

    private final ModelProperties limits;

    public DefinitionResolver(ModelProperties limits) {
        this.limits = limits;
    }

    public ModelPlan resolve(ModelDefinition definition, Optional<DatasetInfo> dataset) {
        List<Violation> problems = new ArrayList<>();
        if (definition.datasetId() == null) {
            problems.add(new Violation("$.datasetId", "required: the id of an uploaded dataset (see GET /api/datasets)"));
        } else if (dataset.isEmpty()) {
            problems.add(new Violation("$.datasetId", "dataset " + definition.datasetId() + " does not exist (see GET /api/datasets)"));
        }
        if (definition.targets() != null && definition.target() != null) {
            problems.add(new Violation("$.targets", "give either target (one column) or targets (several), not both"));
        } else if (definition.targets() == null && (definition.target() == null || definition.target().isBlank())) {
            problems.add(new Violation("$.target", "required: the name of the column to predict (or targets for several)"));
        }
        if (dataset.isEmpty() || !problems.isEmpty()) {
            // Without a dataset and a target the rest cannot be checked meaningfully; still report network errors.
            new NetworkResolver(limits).resolve(definition, null, 0, List.of(), problems);
            throw invalid(problems);
        }
        DatasetSchema schema = dataset.get().schema();
        List<ColumnSchema> multi = definition.targets() == null ? null : MultiTargets.columns(definition, schema, problems);
        Optional<ColumnSchema> targetColumn = multi != null ? Optional.empty() : schema.column(definition.target());
        if (multi == null && targetColumn.isEmpty()) {
            problems.add(new Violation("$.target", "no column '" + definition.target() + "' in dataset "
                    + definition.datasetId() + "; columns: " + schema.columnNames()));
        }
        List<ColumnSchema> features = features(definition, schema, problems);
        Task task = multi != null ? MultiTargets.task(definition, multi, problems)
                : task(definition, targetColumn.orElse(null), problems);
        String positiveLabel = positiveLabel(definition, task, targetColumn.orElse(null), problems);
        NetworkDesign.Image image = image(definition.image(), features, problems);
        // Pixels are on one scale already; per-pixel standardisation would blow up near-constant border pixels.
        Scaling scaling = choose("$.preprocessing.scaling", preprocessing(definition).scaling(), image == null ? "standard" : "none",
                Scaling::fromId, Scaling.ids(), problems);
        Imputation imputation = choose("$.preprocessing.numericMissing", preprocessing(definition).numericMissing(), "mean",
                Imputation::fromId, Imputation.ids(), problems);
        List<String> labels = targetColumn.map(ColumnSchema::levelValues).orElse(List.of());
        definition = Presets.apply(definition, task, problems);
        int inputs = dev.backprop.preprocessing.PreprocessorFitter.plan(features).stream()
                .mapToInt(dev.backprop.preprocessing.FeatureEncoder::width).sum();
        NetworkResolver.Result network = new NetworkResolver(limits).resolve(definition, task, inputs, image,
                task.isClassification() ? labels : multi != null ? definition.targets() : List.of(), problems);
        double testFraction = testFraction(definition, schema, problems);
        if (problems.isEmpty()) {
            checkMemory(network.design(), Math.round(schema.rows() * (1 - testFraction)), problems);
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        TargetEncoder target = multi != null ? TargetEncoder.multiple(definition.targets(), task)
                : new TargetEncoder(definition.target(), task, task.isClassification() ? labels : null, positiveLabel,
                        network.design().outputs(), Outputs.signed(task, network.design().outputActivation()) ? Boolean.TRUE : null);
        ModelDefinition resolved = new ModelDefinition(
                definition.name() != null && !definition.name().isBlank() ? definition.name().strip()
                        : String.join(", ", MultiTargets.names(definition)) + " from " + dataset.get().name(),
                definition.datasetId(), definition.target(), features.stream().map(ColumnSchema::name).toList(), null,
                task.id(), positiveLabel, new ModelDefinition.Preprocessing(scaling.id(), imputation.id()),
                network.layers(), network.output(), network.design().loss(), network.training().optimizer(),
                network.design().l2(), network.training().batchSize(), network.design().epochs(), testFraction,
                network.design().seed(), network.design().training().l1(), network.design().training().weightInit(),
                network.design().training().gradientClipping(), network.training().earlyStopping(),
                definition.classWeights(), definition.preset(), image == null ? null
                        : new ModelDefinition.Image(image.height(), image.width(), image.channels()), definition.targets());
        NetworkSummary summary = Summaries.of(features, network.design());
        return new ModelPlan(resolved, features, target, scaling, imputation, testFraction, network.design(), summary);
    }

    private static NetworkDesign.Image image(ModelDefinition.Image image, List<ColumnSchema> features, List<Violation> problems) {
        if (image == null) {
            return null;
        }
        int height = image.height() == null ? 0 : image.height();
        int width = image.width() == null ? 0 : image.width();
        int channels = image.channels() == null ? 1 : image.channels();
        if (height < 1 || width < 1 || channels < 1 || height > 4096 || width > 4096 || channels > 16) {
            problems.add(new Violation("$.image", "height and width (1 to 4096) are required, channels 1 to 16; got "
                    + height + "×" + width + "×" + channels));
            return null;
        }
        if ((long) height * width * channels != features.size()) {
            problems.add(new Violation("$.image", "an image of " + height + "×" + width + "×" + channels + " needs "
                    + (long) height * width * channels + " pixel columns; the features are " + features.size() + " columns"));
        }
        features.stream().filter(f -> f.type() == ColumnType.CATEGORICAL).findFirst().ifPresent(f -> problems.add(
                new Violation("$.image", "pixel columns must be numeric; '" + f.name() + "' is categorical")));
        return new NetworkDesign.Image(height, width, channels);
    }

    private List<ColumnSchema> features(ModelDefinition definition, DatasetSchema schema, List<Violation> problems) {
        if (definition.features() != null && definition.exclude() != null) {
            problems.add(new Violation("$.exclude", "give either features or exclude, not both"));
        }
        List<ColumnSchema> chosen = new ArrayList<>();
        if (definition.features() != null) {
            Set<String> seen = new HashSet<>();
            // By name once: a search of the columns per feature made resolving MNIST's 784 features (every job's
            // plan, every submission) take 10 ms.
            Map<String, ColumnSchema> byName = new HashMap<>();
            for (ColumnSchema column : schema.columns()) {
                byName.putIfAbsent(column.name(), column);
            }
            for (int i = 0; i < definition.features().size(); i++) {
                String name = definition.features().get(i);
                String path = "$.features[" + i + "]";
                Optional<ColumnSchema> column = Optional.ofNullable(byName.get(name));
                if (column.isEmpty()) {
                    problems.add(new Violation(path, "no column '" + name + "' in the dataset; columns: " + schema.columnNames()));
                } else if (MultiTargets.names(definition).contains(name)) {
                    problems.add(new Violation(path, "'" + name + "' is the target; it cannot also be a feature"));
                } else if (!seen.add(name)) {
                    problems.add(new Violation(path, "'" + name + "' is listed twice"));
                } else {
                    checkUsable(column.get(), path, schema.rows(), problems);
                    chosen.add(column.get());
                }
            }
        } else {
            List<String> exclude = definition.exclude() == null ? List.of() : definition.exclude();
            for (int i = 0; i < exclude.size(); i++) {
                if (schema.column(exclude.get(i)).isEmpty()) {
                    problems.add(new Violation("$.exclude[" + i + "]", "no column '" + exclude.get(i)
                            + "' in the dataset; columns: " + schema.columnNames()));
                }
            }
            for (ColumnSchema column : schema.columns()) {
                if (!MultiTargets.names(definition).contains(column.name()) && !exclude.contains(column.name())) {
                    checkUsable(column, "$.features", schema.rows(), problems);
                    chosen.add(column);
                }
            }
        }
        if (chosen.isEmpty() && problems.isEmpty()) {
            problems.add(new Violation("$.features", "no feature columns are left: name at least one input column"));
        }
        return chosen;
    }

    private void checkUsable(ColumnSchema column, String path, long rows, List<Violation> problems) {
        if (column.missing() == rows) {
            problems.add(new Violation(path, "column '" + column.name() + "' has no values at all; leave it out"));
        } else if (column.type() == ColumnType.CATEGORICAL && column.distinct() > limits.maxOneHotLevels()) {
            problems.add(new Violation(path, "column '" + column.name() + "' has " + column.distinct()
                    + " distinct values; one-hot encoding it would add that many inputs (limit backprop.models.max-one-hot-levels = "
                    + limits.maxOneHotLevels() + "). Leave it out (exclude) or group its values"));
        } else if (column.type() == ColumnType.CATEGORICAL && Boolean.TRUE.equals(column.levelsTruncated())) {
            problems.add(new Violation(path, "column '" + column.name() + "' has " + column.distinct()
                    + " distinct values but the upload remembered only " + column.levels().size()
                    + " of them (backprop.datasets.max-tracked-levels). Leave it out (exclude), or raise that limit and upload again"));
        }
    }

    private void checkMemory(NetworkDesign design, long trainingRows, List<Violation> problems) {
        long batchRows = design.batchSize() == 0 ? trainingRows : Math.min(design.batchSize(), trainingRows);
        long estimate = MemoryEstimate.trainingBytes(design, Summaries.parameterCount(design), batchRows);
        long limit = limits.maxMemory().toBytes();
        if (estimate > limit) {
            problems.add(new Violation(design.batchSize() == 0 ? "$.batchSize" : "$.layers", "training this network needs about "
                    + MemoryEstimate.readable(estimate) + " (weights, gradients, optimizer state and the activations of "
                    + batchRows + " rows per batch); the limit backprop.models.max-memory is " + MemoryEstimate.readable(limit)
                    + " (" + limit + " bytes). Use fewer or smaller layers, or a smaller batch size"));
        }
    }

    private Task task(ModelDefinition definition, ColumnSchema target, List<Violation> problems) {
        Task task;
        if (definition.task() != null) {
            task = Task.fromId(definition.task()).orElse(null);
            if (task == null) {
                problems.add(new Violation("$.task", "unknown task '" + definition.task() + "'; allowed: " + Task.ids()));
                return Task.REGRESSION;
            }
        } else if (target == null) {
            return Task.REGRESSION;
        } else {
            task = switch (target.type()) {
                case BOOLEAN -> Task.BINARY;
                case CATEGORICAL -> target.distinct() == 2 ? Task.BINARY : Task.MULTICLASS;
                case NUMERIC -> Task.REGRESSION;
            };
        }
        if (target == null) {
            return task;
        }
        if (target.distinct() == 0) {
            problems.add(new Violation("$.target", "column '" + target.name() + "' has no values to learn from"));
        } else if (target.distinct() == 1) {
            problems.add(new Violation("$.target", "column '" + target.name() + "' has the same value in every row ("
                    + target.levelValues() + "): there is nothing to learn; choose another target"));
        } else if (task == Task.BINARY && target.distinct() != 2) {
            problems.add(new Violation("$.task", "binary needs a target with exactly 2 distinct values; '" + target.name()
                    + "' has " + target.distinct() + (target.distinct() > 2 ? " (use multiclass or regression)" : "")));
        } else if (task == Task.MULTICLASS && (target.distinct() < 2 || target.distinct() > limits.maxClasses())) {
            problems.add(new Violation("$.task", "multiclass needs 2 to " + limits.maxClasses() + " distinct target values"
                    + " (the limit backprop.models.max-classes is " + limits.maxClasses() + "); '" + target.name() + "' has "
                    + target.distinct()));
        } else if (task == Task.REGRESSION && target.type() == ColumnType.CATEGORICAL) {
            problems.add(new Violation("$.task", "regression needs a numeric target; '" + target.name()
                    + "' is categorical (use binary or multiclass)"));
        }
        return task;
    }

    private String positiveLabel(ModelDefinition definition, Task task, ColumnSchema target, List<Violation> problems) {
        if (task != Task.BINARY) {
            if (definition.positiveLabel() != null) {
                problems.add(new Violation("$.positiveLabel", "positiveLabel applies to binary tasks only"));
            }
            return null;
        }
        if (target == null || target.distinct() != 2) {
            return definition.positiveLabel();
        }
        List<String> labels = target.levelValues();
        if (definition.positiveLabel() != null) {
            if (!labels.contains(definition.positiveLabel())) {
                problems.add(new Violation("$.positiveLabel", "'" + definition.positiveLabel()
                        + "' is not a value of '" + target.name() + "'; allowed: " + labels));
            }
            return definition.positiveLabel();
        }
        return labels.stream().filter(DefinitionResolver::looksPositive).findFirst().orElse(labels.get(labels.size() - 1));
    }

    private static boolean looksPositive(String label) {
        String l = label.toLowerCase(Locale.ROOT);
        return l.equals("true") || l.equals("yes") || Double.valueOf(1.0).equals(Numbers.parse(label));
    }

    private double testFraction(ModelDefinition definition, DatasetSchema schema, List<Violation> problems) {
        double fraction = definition.testFraction() == null ? 0.25 : definition.testFraction();
        if (!(fraction > 0 && fraction < 1)) {
            problems.add(new Violation("$.testFraction", "must be between 0 and 1 (exclusive), e.g. 0.25"));
        } else if (Math.round(schema.rows() * fraction) < 1 || Math.round(schema.rows() * (1 - fraction)) < 1) {
            problems.add(new Violation("$.testFraction", "with " + schema.rows() + " rows, " + fraction
                    + " leaves no rows for training or for testing"));
        }
        return fraction;
    }

    private static ModelDefinition.Preprocessing preprocessing(ModelDefinition definition) {
        return definition.preprocessing() == null ? new ModelDefinition.Preprocessing(null, null) : definition.preprocessing();
    }

    private static <T> T choose(String path, String given, String fallback, java.util.function.Function<String, Optional<T>> parse,
            List<String> allowed, List<Violation> problems) {
        String id = given == null ? fallback : given;
        Optional<T> value = parse.apply(id);
        if (value.isEmpty()) {
            problems.add(new Violation(path, "unknown value '" + given + "'; allowed: " + allowed));
            return parse.apply(fallback).orElseThrow();
        }
        return value.get();
    }

    private static InvalidRequestException invalid(List<Violation> problems) {
        return new InvalidRequestException("The model definition has " + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "; see errors.", problems);
    }
}
