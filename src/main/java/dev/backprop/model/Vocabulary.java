package dev.backprop.model;

import java.util.List;

/** The names a definition may use. The engine has a test that proves it can build every one of them. */
public final class Vocabulary {

    public static final List<String> ACTIVATIONS = List.of("relu", "sigmoid", "tanh", "softmax", "identity", "linear",
            "leaky_relu", "elu", "selu", "gelu", "swish", "softplus", "softsign", "hard_sigmoid", "hard_tanh");

    public static final List<String> LOSSES = List.of("binary_crossentropy", "categorical_crossentropy", "mse", "mae",
            "hinge");

    public static final List<String> OPTIMIZERS = List.of("adam", "sgd", "momentum", "nesterovs", "rmsprop", "adagrad",
            "adadelta", "adamax", "nadam");

    public static final List<String> LAYER_TYPES = List.of("dense", "maxout", "dropout", "batch_norm", "convolution", "max_pooling",
            "average_pooling", "flatten");

    public static final List<String> WEIGHT_INITS = List.of("xavier", "xavier_normal", "he", "he_uniform", "uniform",
            "normal", "zeros");

    public static final List<String> SCHEDULES = List.of("step", "exponential");

    public static final List<String> MONITORS = List.of("test_loss", "test_accuracy", "train_loss");

    private Vocabulary() {
    }

    /** {@code linear} is Keras' name for the identity activation. */
    public static String canonicalActivation(String name) {
        return "linear".equals(name) ? "identity" : name;
    }
}
