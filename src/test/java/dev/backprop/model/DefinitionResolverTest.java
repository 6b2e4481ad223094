package dev.backprop.model;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.backprop.dataset.CsvReader;
import dev.backprop.dataset.DatasetInfo;
import dev.backprop.dataset.SchemaInference;
import dev.backprop.shared.InvalidRequestException;
import dev.backprop.shared.Violation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DefinitionResolverTest {

    private static final String CSV = """
            age,income,city,species,smoker,score
            31,52000,Leeds,setosa,yes,0.4
            45,,York,versicolor,no,1.2
            27,31000,,virginica,no,0.9
            52,61000,Leeds,setosa,yes,2.2
            38,44000,York,virginica,no,1.7
            """;

    private final DefinitionResolver resolver = new DefinitionResolver(ModelProperties.defaults());
    private final DatasetInfo dataset = dataset(CSV);

    @Test
    void fillsEveryDefaultFromTheDatasetAndTheTask() {
        ModelPlan plan = resolver.resolve(definition(1L, "smoker", null, null), Optional.of(dataset));

        ModelDefinition resolved = plan.definition();
        assertThat(resolved.task()).isEqualTo("binary");
        assertThat(resolved.positiveLabel()).isEqualTo("yes");
        assertThat(resolved.features()).containsExactly("age", "income", "city", "species", "score");
        assertThat(resolved.preprocessing().scaling()).isEqualTo("standard");
        assertThat(resolved.output().activation()).isEqualTo("sigmoid");
        assertThat(resolved.loss()).isEqualTo("binary_crossentropy");
        assertThat(resolved.optimizer().type()).isEqualTo("adam");
        assertThat(resolved.layers()).hasSize(1);
        assertThat(resolved.testFraction()).isEqualTo(0.25);
        // age, income, score: 1 each; city: York, Leeds + missing = 3; species: 3 levels
        assertThat(plan.design().inputs()).isEqualTo(9);
        assertThat(plan.design().outputs()).isEqualTo(1);
    }

    @Test
    void drawsEachLayerWithShapesAndParameterCounts() {
        ModelDefinition definition = new ModelDefinition(null, 1L, "species", List.of("age", "income"), null, null, null, null,
                List.of(new ModelDefinition.Layer("dense", 4, "relu", null), new ModelDefinition.Layer("dropout", null, null, 0.5)),
                null, null, null, null, null, null, null, null);

        NetworkSummary summary = resolver.resolve(definition, Optional.of(dataset)).summary();

        assertThat(summary.inputSize()).isEqualTo(2);
        assertThat(summary.layers()).extracting(LayerShape::type).containsExactly("dense", "dropout", "output");
        LayerShape dense = summary.layers().get(0);
        assertThat(dense.weightShape()).containsExactly(2, 4);
        assertThat(dense.biasSize()).isEqualTo(4);
        assertThat(dense.parameters()).isEqualTo(12);
        LayerShape output = summary.layers().get(2);
        assertThat(output.activation()).isEqualTo("softmax");
        assertThat(output.weightShape()).containsExactly(4, 3);
        assertThat(output.parameters()).isEqualTo(15);
        assertThat(summary.totalParameters()).isEqualTo(27);
    }

    @Test
    void listsEveryProblemWithItsPathAndTheAllowedValues() {
        ModelDefinition definition = new ModelDefinition(null, 1L, "species", List.of("age", "nope", "species"), null, null,
                null, new ModelDefinition.Preprocessing("zscore", null),
                List.of(new ModelDefinition.Layer("dense", 0, "relu", null),
                        new ModelDefinition.Layer("dense", 8, "sigmoidal", null),
                        new ModelDefinition.Layer("dropout", null, null, 1.5),
                        new ModelDefinition.Layer("conv", null, null, null)),
                new ModelDefinition.Output("sigmoid"), null, new ModelDefinition.Optimizer("adamw", -1.0),
                -0.1, 0, 0, 1.5, null);

        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                () -> resolver.resolve(definition, Optional.of(dataset)));

        assertThat(e.violations()).extracting(Violation::path).contains(
                "$.features[1]", "$.features[2]", "$.preprocessing.scaling", "$.layers[0].units", "$.layers[1].activation",
                "$.layers[2].rate", "$.layers[3].type", "$.output.activation", "$.optimizer.type",
                "$.optimizer.learningRate", "$.l2", "$.batchSize", "$.epochs", "$.testFraction");
        assertThat(message(e, "$.output.activation")).contains("sigmoid output for a 3-class target").contains("softmax");
        assertThat(message(e, "$.layers[1].activation")).contains("'sigmoidal'").contains("relu", "tanh");
        assertThat(message(e, "$.features[1]")).contains("no column 'nope'");
        assertThat(message(e, "$.features[2]")).contains("is the target");
        assertThat(message(e, "$.optimizer.type")).contains("adam", "rmsprop");
    }

    @Test
    void refusesATargetThatIsNotInTheDatasetAndAMissingDataset() {
        InvalidRequestException unknownTarget = catchThrowableOfType(InvalidRequestException.class,
                () -> resolver.resolve(definition(1L, "salary", null, null), Optional.of(dataset)));
        assertThat(message(unknownTarget, "$.target")).contains("no column 'salary'").contains("age", "income");

        InvalidRequestException noDataset = catchThrowableOfType(InvalidRequestException.class,
                () -> resolver.resolve(definition(99L, "salary", null, null), Optional.empty()));
        assertThat(message(noDataset, "$.datasetId")).contains("dataset 99 does not exist");

        InvalidRequestException nothing = catchThrowableOfType(InvalidRequestException.class,
                () -> resolver.resolve(definition(null, null, null, null), Optional.empty()));
        assertThat(nothing.violations()).extracting(Violation::path).containsExactly("$.datasetId", "$.target");
    }

    @Test
    void checksTheTaskAgainstTheTarget() {
        InvalidRequestException binaryOnThreeClasses = catchThrowableOfType(InvalidRequestException.class,
                () -> resolver.resolve(definition(1L, "species", "binary", null), Optional.of(dataset)));
        assertThat(message(binaryOnThreeClasses, "$.task")).contains("exactly 2").contains("has 3");

        InvalidRequestException regressionOnText = catchThrowableOfType(InvalidRequestException.class,
                () -> resolver.resolve(definition(1L, "city", "regression", null), Optional.of(dataset)));
        assertThat(message(regressionOnText, "$.task")).contains("numeric target");

        InvalidRequestException wrongPositive = catchThrowableOfType(InvalidRequestException.class,
                () -> resolver.resolve(definition(1L, "smoker", null, "maybe"), Optional.of(dataset)));
        assertThat(message(wrongPositive, "$.positiveLabel")).contains("[no, yes]");

        assertThat(resolver.resolve(definition(1L, "score", null, null), Optional.of(dataset)).definition().task())
                .isEqualTo("regression");
    }

    @Test
    void refusesBothFeaturesAndExcludeAndTooManyOneHotLevels() {
        ModelDefinition both = new ModelDefinition(null, 1L, "smoker", List.of("age"), List.of("city"), null, null, null,
                null, null, null, null, null, null, null, null, null);
        assertThat(message(catchThrowableOfType(InvalidRequestException.class,
                () -> resolver.resolve(both, Optional.of(dataset))), "$.exclude")).contains("not both");

        DefinitionResolver strict = new DefinitionResolver(new ModelProperties(null, null, null, null, 2, null, null));
        InvalidRequestException tooWide = catchThrowableOfType(InvalidRequestException.class,
                () -> strict.resolve(definition(1L, "smoker", null, null), Optional.of(dataset)));
        assertThat(tooWide.violations()).extracting(Violation::message)
                .anySatisfy(m -> assertThat(m).contains("'species' has 3 distinct values").contains("max-one-hot-levels"));
    }

    private static String message(InvalidRequestException e, String path) {
        return e.violations().stream().filter(v -> v.path().equals(path)).map(Violation::message).findFirst()
                .orElseThrow(() -> new AssertionError("no violation at " + path + " in " + e.violations()));
    }

    private static ModelDefinition definition(Long datasetId, String target, String task, String positiveLabel) {
        return new ModelDefinition(null, datasetId, target, null, null, task, positiveLabel, null, null, null, null, null,
                null, null, null, null, null);
    }

    private static DatasetInfo dataset(String csv) {
        var table = CsvReader.read(csv.getBytes(StandardCharsets.UTF_8));
        return new DatasetInfo(1, "people", "people.csv", csv.length(), table.rows().size(), table.columns().size(), "hash",
                Instant.EPOCH, SchemaInference.infer(table, 1000));
    }
}
