package dev.backprop.prediction;

import dev.backprop.engine.TrainedNetwork;
import dev.backprop.preprocessing.Preprocessor;

/** A trained version ready to predict: its preprocessing and its own network instance (never one being trained). */
record LoadedModel(long modelId, int version, Preprocessor preprocessor, TrainedNetwork network) {
}
