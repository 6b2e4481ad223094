package dev.backprop.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.backprop.shared.InvalidRequestException;
import dev.backprop.shared.TooLargeException;
import dev.backprop.support.TableAssertions;

/**
 * Any bytes uploaded as a CSV give either a schema (and a snapshot that loads as the table the CSV parses to) or one of
 * our domain exceptions (a 400 or a 413), never another exception (a 500). Small limits so the fuzzer reaches them. The inputs under {@code CsvReaderFuzzTestInputs/} run
 * as regression tests in every build; {@code JAZZER_FUZZ=1} fuzzes (see README, "Hostile input and fuzzing").
 */
class CsvReaderFuzzTest {

    private static final DatasetProperties LIMITS = new DatasetProperties(200, 20, 50, null, 400, 20_000L);

    @FuzzTest(maxDuration = "30s")
    void anyUploadGivesASchemaOrADomainError(byte[] bytes) throws IOException {
        DatasetSchema schema;
        ByteArrayOutputStream snapshot = new ByteArrayOutputStream();
        try (SnapshotWriter writer = new SnapshotWriter(snapshot)) {
            schema = UploadInspection.inspect(new ByteArrayInputStream(bytes), LIMITS, writer);
        } catch (InvalidRequestException | TooLargeException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        CsvTable parsed = CsvReader.read(bytes);
        TableAssertions.assertSameTable(SnapshotReader.read(new ByteArrayInputStream(snapshot.toByteArray()), 1), parsed);
        assertThat(schema.rows()).isBetween(1L, (long) LIMITS.maxRows());
        assertThat(schema.columns()).hasSizeBetween(1, LIMITS.maxColumns());
        for (ColumnSchema column : schema.columns()) {
            assertThat(column.name()).isNotBlank();
            assertThat(column.missing() + column.levels().stream().mapToLong(LevelCount::count).sum())
                    .isLessThanOrEqualTo(schema.rows());
            if (column.type() != ColumnType.CATEGORICAL && column.missing() < schema.rows()) {
                assertThat(column.min()).isFinite();
                assertThat(column.max()).isFinite();
                assertThat(column.mean()).isFinite();
                assertThat(column.std()).isFinite();
            }
        }
    }
}
