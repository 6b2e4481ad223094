package dev.backprop.prediction;

import java.util.Optional;

import dev.backprop.engine.TrainedNetwork;
import dev.backprop.preprocessing.Preprocessor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The service's own prediction code around one model held in memory, for in-process benchmarks (no database). */
public final class BenchmarkPredictionService {

    private BenchmarkPredictionService() {
    }

    public static PredictionService of(Preprocessor preprocessor, TrainedNetwork network) {
        PredictionProperties properties = new PredictionProperties(null, null, null, null);
        LoadedModel model = new LoadedModel(1, 1, preprocessor, network);
        ModelCache cache = new ModelCache(null, properties, new SimpleMeterRegistry()) {
            @Override
            LoadedModel get(long modelId, Optional<Integer> version) {
                return model;
            }
        };
        return new PredictionService(cache, properties, new SimpleMeterRegistry());
    }
}
