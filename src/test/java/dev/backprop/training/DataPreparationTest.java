package dev.backprop.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.backprop.dataset.CsvReader;
import dev.backprop.dataset.CsvTable;
import dev.backprop.dataset.DatasetInfo;
import dev.backprop.dataset.SchemaInference;
import dev.backprop.model.DefinitionResolver;
import dev.backprop.model.ModelDefinition;
import dev.backprop.model.ModelPlan;
import dev.backprop.model.ModelProperties;
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
    void withAHelperThePreparationIsTheSameAsOnOneThread(String scaling, String numericMissing) throws IOException {
        CsvTable table;
        try (InputStream in = Files.newInputStream(Path.of("src/test/resources/data/titanic/train.csv"))) {
            table = CsvReader.read(in);
        }
        ModelPlan plan = plan(table, scaling, numericMissing);

        DataPreparation.Prepared alone = DataPreparation.prepare(table, plan);
        DataPreparation.Prepared shared = DataPreparation.prepare(table, plan, helper);

        assertThat(shared.preprocessor()).isEqualTo(alone.preprocessor());
        assertThat(shared.data().trainX()).isDeepEqualTo(alone.data().trainX());
        assertThat(shared.data().trainY()).isDeepEqualTo(alone.data().trainY());
        assertThat(shared.data().testX()).isDeepEqualTo(alone.data().testX());
        assertThat(shared.data().testY()).isDeepEqualTo(alone.data().testY());
        assertThat(alone.data().trainX().length).isEqualTo(668);
        assertThat(alone.data().testX().length).isEqualTo(223);
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
