package dev.backprop.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;
import tools.jackson.databind.json.JsonMapper;

class ParsedSchemasTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ParsedSchemas schemas = new ParsedSchemas(JSON);

    @Test
    void aDatasetsSchemaIsParsedOnceAndIsTheStoredOne() {
        Dataset dataset = dataset(7, "aaa", schema("age", "fare"));

        DatasetSchema first = schemas.of(dataset);

        assertThat(first).isEqualTo(schema("age", "fare"));
        assertThat(schemas.of(dataset)).isSameAs(first);
    }

    @Test
    void anotherContentUnderTheSameIdGetsItsOwnSchema() {
        DatasetSchema old = schemas.of(dataset(7, "aaa", schema("age")));

        DatasetSchema fresh = schemas.of(dataset(7, "bbb", schema("sex", "pclass")));

        assertThat(old.columnNames()).containsExactly("age");
        assertThat(fresh.columnNames()).containsExactly("sex", "pclass");
    }

    @Test
    void aForgottenDatasetIsParsedAgain() {
        Dataset dataset = dataset(7, "aaa", schema("age"));
        Dataset other = dataset(8, "ccc", schema("fare"));
        DatasetSchema first = schemas.of(dataset);
        DatasetSchema kept = schemas.of(other);

        schemas.forget(7);

        assertThat(schemas.of(dataset)).isEqualTo(first).isNotSameAs(first);
        assertThat(schemas.of(other)).isSameAs(kept);
    }

    private static DatasetSchema schema(String... columns) {
        return new DatasetSchema(3, List.of(columns).stream()
                .map(name -> new ColumnSchema(name, ColumnType.NUMERIC, 0, 2, 1.0, 2.0, 1.5, 0.5,
                        List.of(new LevelCount("1", 2), new LevelCount("2", 1)), false))
                .toList());
    }

    private static Dataset dataset(long id, String sha256, DatasetSchema schema) {
        Dataset dataset = new Dataset("d" + id, "d.csv", 10, schema.rows(), schema.columns().size(), sha256,
                JSON.writeValueAsString(schema), Instant.EPOCH);
        ReflectionTestUtils.setField(dataset, "id", id);
        return dataset;
    }
}
