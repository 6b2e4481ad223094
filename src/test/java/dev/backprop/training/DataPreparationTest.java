package dev.backprop.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import dev.backprop.dataset.CsvReader;
import dev.backprop.dataset.CsvTable;
import dev.backprop.dataset.DatasetInfo;
import dev.backprop.dataset.SchemaInference;
import dev.backprop.model.DefinitionResolver;
import dev.backprop.model.ModelDefinition;
import dev.backprop.model.ModelPlan;
import dev.backprop.model.ModelProperties;
import dev.backprop.preprocessing.ParsedTable;
import dev.backprop.preprocessing.Preprocessor;
import dev.backprop.preprocessing.PreprocessorFitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class DataPreparationTest {

    private final ExecutorService helper = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        helper.shutdownNow();
    }

    @ParameterizedTest
    @CsvSource({"standard, mean", "minmax, median", "none, median"})
    void withAHelperThePreparationIsWhatOneThreadMakesOfTheSameSplit(String scaling, String numericMissing) throws IOException {
        CsvTable table;
        try (InputStream in = Files.newInputStream(Path.of("src/test/resources/data/titanic/train.csv"))) {
            table = CsvReader.read(in);
        }
        ModelPlan plan = plan(table, scaling, numericMissing);

        DataPreparation.Prepared shared = DataPreparation.prepare(table, plan, helper);

        // What one thread makes of the same split: the fit over all features at once, each part encoded whole.
        ParsedTable parsed = new ParsedTable(table);
        int[] test = DataPreparation.testRows(table, plan);
        int[] train = IntStream.range(0, table.rows().size()).filter(r -> Arrays.binarySearch(test, r) < 0).toArray();
        Preprocessor fitted = PreprocessorFitter.fit(parsed, train, plan.features(), plan.scaling(), plan.imputation(),
                plan.target());
        assertThat(shared.preprocessor()).isEqualTo(fitted);
        assertThat(shared.data().trainX()).isDeepEqualTo(fitted.encodeRows(parsed, train));
        assertThat(shared.data().trainY()).isDeepEqualTo(fitted.target().encodeRows(parsed, train));
        assertThat(shared.data().testX()).isDeepEqualTo(fitted.encodeRows(parsed, test));
        assertThat(shared.data().testY()).isDeepEqualTo(fitted.target().encodeRows(parsed, test));
        assertThat(train.length).isEqualTo(668);
        assertThat(test.length).isEqualTo(223);
        // Without a helper, the same.
        DataPreparation.Prepared alone = DataPreparation.prepare(table, plan);
        assertThat(alone.preprocessor()).isEqualTo(fitted);
        assertThat(alone.data().trainX()).isDeepEqualTo(shared.data().trainX());
        assertThat(alone.data().testX()).isDeepEqualTo(shared.data().testX());
    }

    private static ModelPlan plan(CsvTable table, String scaling, String numericMissing) {
        ModelDefinition definition = JsonMapper.builder().build().readValue("""
                {"name": "m", "datasetId": 1, "target": "Survived", "exclude": ["PassengerId", "Name", "Ticket", "Cabin"],
                 "preprocessing": {"scaling": "%s", "numericMissing": "%s"},
                 "layers": [{"type": "dense", "units": 8, "activation": "relu"}], "testFraction": 0.25, "seed": 42}
                """.formatted(scaling, numericMissing), ModelDefinition.class);
        DatasetInfo info = new DatasetInfo(1L, "titanic", "train.csv", 0, table.rows().size(), table.columns().size(), "",
                Instant.now(), SchemaInference.infer(table, 1_000));
        return new DefinitionResolver(ModelProperties.defaults()).resolve(definition, Optional.of(info));
    }
}
