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
        @Schema(description = "binary | multiclass | regression; inferred from the target when absent") String task,
        @Schema(description = "For binary targets: the label whose probability is reported; default 1/true/yes when present") String positiveLabel,
        Preprocessing preprocessing,
        @Schema(description = "Hidden layers in order; default one dense layer of 32 relu units") List<Layer> layers,
        @Schema(description = "Overrides the output layer that follows from the task") Output output,
        @Schema(description = "binary_crossentropy | categorical_crossentropy | mse | mae; follows from the task by default") String loss,
        Optimizer optimizer,
        @Schema(description = "L2 weight penalty (the course's alpha); default 0") Double l2,
        @Schema(description = "Rows per gradient step; default 32") Integer batchSize,
        @Schema(description = "Passes over the training part; default 50") Integer epochs,
        @Schema(description = "Fraction of rows held out for testing, stratified for classification; default 0.25") Double testFraction,
        @Schema(description = "Seed for the split, weight initialisation, shuffling and dropout; default 42") Long seed) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Preprocessing(
            @Schema(description = "standard | minmax | none; default standard") String scaling,
            @Schema(description = "mean | median: what a missing numeric value becomes; default mean."
                    + " A missing categorical value is a level of its own.") String numericMissing) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Layer(
            @Schema(description = "dense | dropout", example = "dense") String type,
            @Schema(description = "dense: number of neurons") Integer units,
            @Schema(description = "dense: activation; default relu") String activation,
            @Schema(description = "dropout: fraction of units dropped during training, 0 ≤ rate < 1") Double rate) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Output(@Schema(description = "sigmoid | softmax | identity | …") String activation) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Optimizer(
            @Schema(description = "adam | sgd | nesterovs | rmsprop | adagrad | adadelta | adamax | nadam; default adam") String type,
            @Schema(description = "default 0.001") Double learningRate) {
    }
}
