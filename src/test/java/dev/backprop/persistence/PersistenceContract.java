package dev.backprop.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.backprop.dataset.CsvReader;
import dev.backprop.dataset.CsvTable;
import dev.backprop.dataset.DatasetInfo;
import dev.backprop.dataset.DatasetService;
import dev.backprop.dataset.InvalidCsvException;
import dev.backprop.evaluation.EvaluatedVersion;
import dev.backprop.evaluation.Metrics;
import dev.backprop.model.ModelDefinition;
import dev.backprop.model.ModelInfo;
import dev.backprop.model.ModelService;
import dev.backprop.model.StoredVersion;
import dev.backprop.preprocessing.FeatureEncoder;
import dev.backprop.preprocessing.ParsedTable;
import dev.backprop.preprocessing.Preprocessor;
import dev.backprop.preprocessing.TargetEncoder;
import dev.backprop.preprocessing.Task;
import dev.backprop.shared.ConflictException;
import dev.backprop.shared.TooLargeException;
import dev.backprop.support.TableAssertions;
import dev.backprop.training.JobStatus;
import dev.backprop.training.JobView;
import dev.backprop.training.TrainingService;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every supported database must do: migrate from empty to the current schema (Hibernate then validates it),
 * store uploads all-or-nothing (their snapshots too), round-trip model parameters byte for byte, and run a training job to a stored version.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "backprop.training.poll-interval=200ms", "backprop.datasets.max-rows=50"})
abstract class PersistenceContract {

    private static final String CSV = """
            x1,x2,colour,label
            0.1,1.0,red,yes
            0.9,0.2,blue,no
            0.2,0.9,red,yes
            0.8,0.1,,no
            0.15,0.8,red,yes
            0.85,0.3,blue,no
            0.3,0.7,red,yes
            0.7,0.2,blue,no
            """;

    @Autowired
    Flyway flyway;

    @Autowired
    DatasetService datasets;

    @Autowired
    ModelService models;

    @Autowired
    TrainingService training;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anEmptyDatabaseIsMigratedToTheCurrentSchema() {
        assertThat(flyway.info().current()).isNotNull();
        assertThat(flyway.info().all()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(flyway.info().applied()).hasSize(flyway.info().all().length);
        assertThat(flyway.info().pending()).isEmpty();
    }

    @Test
    void anUploadIsStoredWithItsSchemaAndABrokenOneLeavesNothingBehind() {
        long before = datasets.list(PageRequest.of(0, 1)).getTotalElements();
        DatasetInfo stored = upload("colours");
        assertThat(datasets.get(stored.id()).schema()).isEqualTo(stored.schema());
        assertThat(datasets.table(stored.id()).rows()).hasSize(8);
        assertThat(datasets.rows(stored.id(), 3, 2).rows()).extracting(row -> row.get("colour")).containsExactly(null, "red");

        assertThatThrownBy(() -> datasets.upload("broken", "broken.csv", "a,b\n1,2\n3\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidCsvException.class);
        assertThat(datasets.list(PageRequest.of(0, 1)).getTotalElements()).isEqualTo(before + 1);
    }

    @Test
    void anUploadStoresItsSnapshotFromWhichTheTableLoadsAsTheCsvParses() {
        Set<Path> temporaryFiles = snapshotFiles();
        DatasetInfo stored = upload("snapshot");

        CsvTable loaded = datasets.table(stored.id());

        TableAssertions.assertSameTable(loaded, CsvReader.read(CSV.getBytes(StandardCharsets.UTF_8)));
        assertThat(loaded.numericColumns()).as("x1 and x2, known without parsing").containsOnlyKeys(0, 1);
        assertThat(snapshotRows(stored.id())).isEqualTo(1);
        assertThat(snapshotFiles()).isSubsetOf(temporaryFiles);
    }

    @Test
    void aDatasetWithoutASnapshotOfTheCurrentFormatIsParsedFromItsCsvToTheSameNumbers() {
        DatasetInfo older = upload("older-format");
        DatasetInfo without = upload("uploaded-before-snapshots");
        double[] snapshotNumbers = new ParsedTable(datasets.table(older.id())).numbers(1);
        jdbc.update("update dataset_snapshot set format = ? where dataset_id = ?", 0, older.id());
        jdbc.update("delete from dataset_snapshot where dataset_id = ?", without.id());

        for (DatasetInfo dataset : List.of(older, without)) {
            CsvTable fallback = datasets.table(dataset.id());
            TableAssertions.assertSameCells(fallback, CsvReader.read(CSV.getBytes(StandardCharsets.UTF_8)));
            assertThat(fallback.numericColumns()).as("parsed from the CSV, not the snapshot").isEmpty();
            assertThat(new ParsedTable(fallback).numbers(1)).isEqualTo(snapshotNumbers);
        }
    }

    @Test
    void deletingADatasetDeletesItsSnapshot() {
        DatasetInfo dataset = upload("deleted");
        assertThat(snapshotRows(dataset.id())).isEqualTo(1);

        datasets.delete(dataset.id(), false);

        assertThat(snapshotRows(dataset.id())).isZero();
    }

    @Test
    void aRefusedUploadLeavesNeitherASnapshotNorItsTemporaryFile() {
        int snapshots = jdbc.queryForObject("select count(*) from dataset_snapshot", Integer.class);
        Set<Path> temporaryFiles = snapshotFiles();
        String tooManyRows = "a,b\n" + "1,x\n".repeat(51);

        assertThatThrownBy(() -> datasets.upload("invalid", "invalid.csv", "a,b\n1,2\n3,4\n5\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidCsvException.class);
        assertThatThrownBy(() -> datasets.upload("long", "long.csv", tooManyRows.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TooLargeException.class).hasMessageContaining("max-rows");

        assertThat(jdbc.queryForObject("select count(*) from dataset_snapshot", Integer.class)).isEqualTo(snapshots);
        assertThat(snapshotFiles()).isSubsetOf(temporaryFiles);
    }

    private int snapshotRows(long datasetId) {
        return jdbc.queryForObject("select count(*) from dataset_snapshot where dataset_id = ?", Integer.class, datasetId);
    }

    /** The upload's temporary snapshot files (DatasetService names them so). */
    private static Set<Path> snapshotFiles() {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().startsWith("backprop-snapshot-"))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void modelParametersRoundTripByteForByte() {
        ModelInfo model = models.define(definition(upload("params").id()));
        byte[] parameters = new byte[300_000];
        new java.util.Random(5).nextBytes(parameters);
        Preprocessor preprocessor = new Preprocessor(
                List.of(new FeatureEncoder("x1", FeatureEncoder.Kind.NUMERIC, 0.5, 0.25, 0.5, null, null)),
                new TargetEncoder("label", Task.BINARY, List.of("no", "yes"), "yes", 1));
        Metrics metrics = Metrics.classification(6, 1, 1, 1, 1, 1.0, 0.1, null);

        int version = models.addVersion(model.id(), 99, preprocessor, new EvaluatedVersion(metrics, metrics), parameters);

        StoredVersion stored = models.stored(model.id(), Optional.empty());
        assertThat(stored.version()).isEqualTo(version);
        assertThat(stored.parameters()).isEqualTo(parameters);
        assertThat(stored.preprocessor()).isEqualTo(preprocessor);
    }

    @Test
    void aDatasetAModelNeedsIsOnlyDeletedWhenForced() {
        DatasetInfo dataset = upload("needed");
        ModelInfo model = models.define(definition(dataset.id()));

        assertThatThrownBy(() -> datasets.delete(dataset.id(), false)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("model " + model.id());
        datasets.delete(dataset.id(), true);

        assertThat(models.get(model.id()).datasetDeleted()).isTrue();
        assertThatThrownBy(() -> training.submit(model.id())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("was deleted");
    }

    @Test
    void aTrainingJobRunsToAStoredVersionWithItsHistory() {
        ModelInfo model = models.define(definition(upload("train").id()));
        JobView submitted = training.submit(model.id());
        assertThat(submitted.status()).isEqualTo(JobStatus.QUEUED);

        JobView done = await(submitted.id());
        assertThat(done.status()).as(done.toString()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.history()).hasSize(5);
        assertThat(done.modelVersion()).isEqualTo(1);
        assertThat(models.versions(model.id())).singleElement()
                .satisfies(v -> assertThat(v.metrics().test().accuracy()).isNotNull());
    }

    private JobView await(long jobId) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        JobView job = training.get(jobId, true);
        while (!job.status().isFinished() && Instant.now().isBefore(deadline)) {
            dev.backprop.support.ApiClient.sleep(Duration.ofMillis(200));
            job = training.get(jobId, true);
        }
        return job;
    }

    private DatasetInfo upload(String name) {
        return datasets.upload(name, name + ".csv", CSV.getBytes(StandardCharsets.UTF_8));
    }

    private static ModelDefinition definition(long datasetId) {
        return new ModelDefinition(null, datasetId, "label", null, null, null, null, null,
                List.of(new ModelDefinition.Layer("dense", 4, "relu", null)), null, null, null, null, 4, 5, 0.25, 1L);
    }
}
