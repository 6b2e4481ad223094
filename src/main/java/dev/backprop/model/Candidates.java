package dev.backprop.model;

import java.util.List;
import java.util.Map;

import dev.backprop.shared.InvalidRequestException;

/**
 * Hyper-parameters a tuning job may vary, applied to a definition: {@code l2}, {@code learningRate}, {@code units}
 * (every dense layer), {@code dropout} (every dropout layer's rate), {@code epochs} and {@code batchSize}.
 */
public final class Candidates {

    public static final List<String> NAMES = List.of("l2", "learningRate", "units", "dropout", "epochs", "batchSize");

    private Candidates() {
    }

    public static ModelDefinition apply(ModelDefinition d, Map<String, Double> values) {
        for (String name : values.keySet()) {
            if (!NAMES.contains(name)) {
                throw new InvalidRequestException("$.space." + name, "'" + name + "' cannot be tuned; allowed: " + NAMES);
            }
        }
        Double l2 = values.getOrDefault("l2", d.l2());
        ModelDefinition.Optimizer optimizer = values.containsKey("learningRate") && d.optimizer() != null
                ? new ModelDefinition.Optimizer(d.optimizer().type(), values.get("learningRate"), d.optimizer().momentum(),
                        d.optimizer().schedule())
                : values.containsKey("learningRate") ? new ModelDefinition.Optimizer(null, values.get("learningRate"))
                : d.optimizer();
        List<ModelDefinition.Layer> layers = d.layers() == null ? null : d.layers().stream().map(layer -> {
            if ("dense".equals(layer.type()) && values.containsKey("units")) {
                return new ModelDefinition.Layer(layer.type(), values.get("units").intValue(), layer.activation(), layer.rate(),
                        layer.alpha(), layer.weightInit(), layer.filters(), layer.kernel(), layer.stride(), layer.padding(),
                        layer.pieces());
            }
            if ("dropout".equals(layer.type()) && values.containsKey("dropout")) {
                return new ModelDefinition.Layer(layer.type(), layer.units(), layer.activation(), values.get("dropout"),
                        layer.alpha(), layer.weightInit(), layer.filters(), layer.kernel(), layer.stride(), layer.padding(),
                        layer.pieces());
            }
            return layer;
        }).toList();
        Integer epochs = values.containsKey("epochs") ? Integer.valueOf(values.get("epochs").intValue()) : d.epochs();
        BatchSize batchSize = values.containsKey("batchSize") ? new BatchSize(values.get("batchSize").intValue()) : d.batchSize();
        return new ModelDefinition(d.name(), d.datasetId(), d.target(), d.features(), d.exclude(), d.task(), d.positiveLabel(),
                d.preprocessing(), layers, d.output(), d.loss(), optimizer, l2, batchSize, epochs, d.testFraction(), d.seed(),
                d.l1(), d.weightInit(), d.gradientClipping(), d.earlyStopping(), d.classWeights(), d.preset(), d.image(),
                d.targets());
    }
}
