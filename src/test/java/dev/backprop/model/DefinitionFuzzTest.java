package dev.backprop.model;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.backprop.dataset.CsvReader;
import dev.backprop.dataset.DatasetInfo;
import dev.backprop.dataset.SchemaInference;
import dev.backprop.shared.InvalidRequestException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.InvalidDefinitionException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any JSON text posted as a model definition is either a Jackson read error (a 400 malformed-body), an
 * {@link InvalidRequestException} (a 400 listing the problems) or a plan within every limit, whose stored definition
 * resolves again to the same network (as training does). Anything else would be a 500.
 */
class DefinitionFuzzTest {

    /** Numbers, booleans, categories (3 and 12 levels), an all-missing and a constant column, 2×2 "pixels". */
    private static final String CSV = "a,b,smoker,colour,city,score,empty,constant,p0,p1,p2,p3\n" + IntStream.range(0, 40)
            .mapToObj(i -> i + "," + (i * 7 % 11) + "," + (i % 2 == 0 ? "yes" : "no") + ",c" + (i % 3) + ",town" + (i % 12)
                    + "," + (i * 0.25) + ",,1," + (i % 5) + "," + (i % 7) + "," + (i % 3) + "," + (i % 2))
            .collect(Collectors.joining("\n")) + "\n";

    private static final ModelProperties LIMITS = new ModelProperties(8, 512, 200_000L, 500, 10, 20,
            org.springframework.util.unit.DataSize.ofMegabytes(16));

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private static final DatasetInfo DATASET = dataset();
    private static final DefinitionResolver RESOLVER = new DefinitionResolver(LIMITS);

    @FuzzTest(maxDuration = "30s")
    @DictionaryFile(resourcePath = "definition.dict")
    void anyDefinitionGivesAPlanOrA400(byte[] bytes) {
        ModelDefinition definition;
        try {
            definition = JSON.readValue(new String(bytes, StandardCharsets.UTF_8), ModelDefinition.class);
        } catch (InvalidDefinitionException e) {
            throw e; // a mistake in our types, not in the input: Spring answers it with a 500
        } catch (JacksonException e) {
            return;
        }
        if (definition == null) {
            return; // the JSON literal null: Spring answers "required request body is missing", a 400
        }
        ModelPlan plan;
        try {
            plan = RESOLVER.resolve(definition, Optional.ofNullable(
                    definition.datasetId() != null && definition.datasetId() == 1 ? DATASET : null));
        } catch (InvalidRequestException e) {
            assertThat(e.violations()).isNotEmpty().allSatisfy(v -> assertThat(v.message()).isNotBlank());
            return;
        }
        long parameters = Summaries.parameterCount(plan.design());
        assertThat(parameters).isBetween(1L, LIMITS.maxParameters());
        assertThat(plan.summary().totalParameters()).isEqualTo(parameters);
        assertThat(plan.design().epochs()).isBetween(1, LIMITS.maxEpochs());
        assertThat(plan.design().inputs()).isPositive();
        assertThat(plan.design().learningRate()).isFinite().isPositive();

        // Training re-resolves the stored definition: it must give the same network.
        ModelDefinition stored = JSON.readValue(JSON.writeValueAsString(plan.definition()), ModelDefinition.class);
        ModelPlan again = RESOLVER.resolve(stored, Optional.of(DATASET));
        assertThat(Summaries.parameterCount(again.design())).isEqualTo(parameters);
        assertThat(again.definition()).isEqualTo(plan.definition());
    }

    private static DatasetInfo dataset() {
        var table = CsvReader.read(CSV.getBytes(StandardCharsets.UTF_8));
        return new DatasetInfo(1, "mixed", "mixed.csv", CSV.length(), table.rows().size(), table.columns().size(), "hash",
                Instant.EPOCH, SchemaInference.infer(table, 1000));
    }
}
