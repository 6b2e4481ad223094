package dev.backprop.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A network as the user describes it. Only {@code datasetId} and {@code target} are required; the stored
 * definition has every default filled in, so the response shows exactly what will be trained.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(example = """
        {"name": "titanic-survival", "datasetId": 1, "target": "Survived",
         "features": ["Pclass", "Sex", "Age", "SibSp", "Parch", "Fare", "Embarked"],
         "preprocessing": {"scaling": "standard", "numericMissing": "median"},
         "layers": [{"type": "dense", "units": 64, "activation": "relu"},
                    {"type": "dropout", "rate": 0.2},
                    {"type": "dense", "units": 64, "activation": "relu"}],
         "optimizer": {"type": "adam", "learningRate": 0.003},
         "batchSize": 64, "epochs": 100, "testFraction": 0.25, "seed": 42}""")
public record ModelDefinition(
        @Schema(description = "Display name; defaults to '<target> from <dataset name>'") String name,
        @Schema(description = "The dataset to train on", requiredMode = Schema.RequiredMode.REQUIRED) Long datasetId,
        @Schema(description = "The column to predict", requiredMode = Schema.RequiredMode.REQUIRED) String target,
        @Schema(description = "Input columns; default: every column but the target (and those in exclude)") List<String> features,
        @Schema(description = "Columns to leave out when features is not given") List<String> exclude,
        @Schema(description = "binary | multiclass | multilabel | regression; inferred from the target(s) when absent") String task,
        @Schema(description = "For binary targets: the label whose probability is reported; default 1/true/yes when present") String positiveLabel,
        Preprocessing preprocessing,
        @Schema(description = "Hidden layers in order; default one dense layer of 32 relu units") List<Layer> layers,
        @Schema(description = "Overrides the output layer that follows from the task") Output output,
        @Schema(description = "binary_crossentropy | categorical_crossentropy | mse | mae; follows from the task by default") String loss,
        Optimizer optimizer,
        @Schema(description = "L2 weight penalty (the course's alpha); default 0") Double l2,
        @Schema(description = "Rows per gradient step: a number (1 = stochastic gradient descent, shuffled each epoch)"
                + " or \"all\" (batch gradient descent); default 32", type = "string", example = "64") BatchSize batchSize,
        @Schema(description = "Passes over the training part; default 50") Integer epochs,
        @Schema(description = "Fraction of rows held out for testing, stratified for classification; default 0.25") Double testFraction,
        @Schema(description = "Seed for the split, weight initialisation, shuffling and dropout; default 42") Long seed,
        @Schema(description = "L1 weight penalty; default 0") Double l1,
        @Schema(description = "Initial weights of every layer unless a layer says otherwise: xavier | xavier_normal | he |"
                + " he_uniform | uniform | normal | zeros (zeros only without hidden layers); default xavier") String weightInit,
        @Schema(description = "Clip each layer's gradient to this L2 norm; default none") Double gradientClipping,
        @Schema(description = "Stop when the monitored value stops improving") EarlyStopping earlyStopping,
        @Schema(description = "Classification: weight of each label in the loss, e.g. {\"1\": 2.0}; unlisted labels weigh 1")
        java.util.Map<String, Double> classWeights,
        @Schema(description = "A single-neuron model the course compares against: logistic-regression (one sigmoid neuron),"
                + " perceptron (a step on a linear score, trained with hinge loss one row at a time) or adaline (a linear"
                + " score trained with squared error on -1/+1 targets); no hidden layers") String preset,
        @Schema(description = "The feature columns are the pixels of an image of this shape: enables convolution and"
                + " pooling layers. Scaling defaults to none for images.") Image image,
        @Schema(description = "Several columns to predict at once, instead of target: 0/1 columns give a multi-label"
                + " model (one sigmoid unit each), numeric ones a regression with one output each") List<String> targets) {

    /** The definition without the later options (regularisation extras, early stopping, class weights). */
    public ModelDefinition(String name, Long datasetId, String target, List<String> features, List<String> exclude,
            String task, String positiveLabel, Preprocessing preprocessing, List<Layer> layers, Output output,
            String loss, Optimizer optimizer, Double l2, Integer batchSize, Integer epochs, Double testFraction, Long seed) {
        this(name, datasetId, target, features, exclude, task, positiveLabel, preprocessing, layers, output, loss,
                optimizer, l2, batchSize == null ? null : new BatchSize(batchSize), epochs, testFraction, seed,
                null, null, null, null, null, null, null, null);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Preprocessing(
            @Schema(description = "standard | minmax | none; default standard") String scaling,
            @Schema(description = "mean | median: what a missing numeric value becomes; default mean."
                    + " A missing categorical value is a level of its own.") String numericMissing) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Layer(
            @Schema(description = "dense | maxout | dropout | batch_norm | convolution | max_pooling | average_pooling | flatten"
                    + " (hyphens work too: max-pooling)", example = "dense") String type,
            @Schema(description = "dense: number of neurons") Integer units,
            @Schema(description = "dense: activation; default relu") String activation,
            @Schema(description = "dropout: fraction of units dropped during training, 0 ≤ rate < 1") Double rate,
            @Schema(description = "leaky_relu: slope for negative inputs (default 0.01; the course uses 0.1);"
                    + " elu: alpha (default 1)") Double alpha,
            @Schema(description = "dense: initial weights (see weightInit); default the definition's") String weightInit,
            @Schema(description = "convolution: number of filters") Integer filters,
            @Schema(description = "convolution and pooling: [height, width] of the window; default [3, 3] and [2, 2]") List<Integer> kernel,
            @Schema(description = "convolution and pooling: [down, across] step; default [1, 1] and the pooling kernel") List<Integer> stride,
            @Schema(description = "convolution and pooling: valid (no padding) or same (output as large as input / stride); default valid") String padding,
            @Schema(description = "maxout: linear pieces per unit, each unit outputs the largest; default 2") Integer pieces) {

        public Layer(String type, Integer units, String activation, Double rate) {
            this(type, units, activation, rate, null, null, null, null, null, null, null);
        }

        public Layer(String type, Integer units, String activation, Double rate, Double alpha, String weightInit) {
            this(type, units, activation, rate, alpha, weightInit, null, null, null, null, null);
        }
    }

    /** Declares that the feature columns, in order, are the pixels of an image (row by row, channel by channel). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Image(
            @Schema(description = "pixels per column", example = "28") Integer height,
            @Schema(description = "pixels per row", example = "28") Integer width,
            @Schema(description = "colour channels; default 1", example = "1") Integer channels) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Output(@Schema(description = "sigmoid | softmax | identity | …") String activation) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Optimizer(
            @Schema(description = "adam | sgd | momentum | nesterovs | rmsprop | adagrad | adadelta | adamax | nadam; default adam") String type,
            @Schema(description = "default 0.001 (0.01 for sgd, momentum and nesterovs)") Double learningRate,
            @Schema(description = "momentum and nesterovs: momentum; default 0.9") Double momentum,
            @Schema(description = "How the learning rate changes per epoch; default constant") Schedule schedule) {

        public Optimizer(String type, Double learningRate) {
            this(type, learningRate, null, null);
        }
    }

    /** step: multiply the rate by {@code decayRate} every {@code everyEpochs} epochs; exponential: by decayRate each epoch. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Schedule(
            @Schema(description = "step | exponential") String type,
            @Schema(description = "factor applied to the learning rate, 0 < decayRate ≤ 1, e.g. 0.5") Double decayRate,
            @Schema(description = "step: epochs between decays; default 10") Integer everyEpochs) {
    }

    /** Stop when {@code monitor} has not improved by more than {@code minDelta} for {@code patience} epochs. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EarlyStopping(
            @Schema(description = "test_loss | test_accuracy | train_loss; default test_loss") String monitor,
            @Schema(description = "epochs without improvement before stopping; default 10") Integer patience,
            @Schema(description = "smallest change that counts as an improvement; default 0") Double minDelta,
            @Schema(description = "keep the best epoch's weights rather than the last; default true") Boolean restoreBestWeights) {
    }
}
