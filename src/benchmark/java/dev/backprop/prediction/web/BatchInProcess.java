package dev.backprop.prediction.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.backprop.dataset.CsvReader;
import dev.backprop.dataset.CsvTable;
import dev.backprop.dataset.DatasetInfo;
import dev.backprop.dataset.SchemaInference;
import dev.backprop.engine.TrainedNetwork;
import dev.backprop.engine.Trainer;
import dev.backprop.model.DefinitionResolver;
import dev.backprop.model.ModelDefinition;
import dev.backprop.model.ModelPlan;
import dev.backprop.model.ModelProperties;
import dev.backprop.prediction.BatchHelpers;
import dev.backprop.prediction.BenchmarkPredictionService;
import dev.backprop.prediction.PredictionProperties;
import dev.backprop.prediction.PredictionService;
import dev.backprop.training.DataPreparation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Batch prediction in-process, from CSV bytes in to CSV bytes out, through the code the controller runs
 * ({@link CsvPredictions#predict} with {@link PredictionService#predictTable} and the default {@link BatchHelpers}): a Titanic model trained in this JVM
 * by the service's own preparation and trainer, and 100,000 rows made by repeating Titanic's {@code train.csv}. The
 * baseline, measured on the same bytes in the same run, is FastCSV (the parser the service uses) parsing alone (no checks, no model).
 */
public final class BatchInProcess {

    /** Rows per second: the whole path, FastCSV parsing alone, and the forward pass alone on encoded rows. */
    public record Result(int rows, int runs, double endToEnd, double parseOnly, double forwardOnly) {
    }

    private static final int ROWS = 100_000;

    private BatchInProcess() {
    }

    public static void main(String[] args) throws IOException {
        Result result = measure(Path.of(""), args.length > 0 ? Integer.parseInt(args[0]) : 5);
        System.out.printf("%,d rows: end to end %,.0f rows/s | FastCSV parse only %,.0f rows/s (ratio %.2f)"
                + " | forward pass only %,.0f rows/s%n", result.rows(), result.endToEnd(), result.parseOnly(),
                result.endToEnd() / result.parseOnly(), result.forwardOnly());
    }

    /** Best of {@code runs} timed runs of each, after as many warm-up runs. */
    public static Result measure(Path repo, int runs) throws IOException {
        Path train = repo.resolve("src/test/resources/data/titanic/train.csv");
        CsvTable table = CsvReader.read(Files.readAllBytes(train));
        DatasetInfo info = new DatasetInfo(1L, "titanic", "train.csv", 0, table.rows().size(), table.columns().size(), "",
                Instant.now(), SchemaInference.infer(table, 1_000));
        ModelDefinition definition = JsonMapper.builder().build().readValue("""
                {"name": "batch", "datasetId": 1, "target": "Survived", "exclude": ["PassengerId", "Name", "Ticket", "Cabin"],
                 "layers": [{"type": "dense", "units": 64, "activation": "relu"}, {"type": "dense", "units": 64, "activation": "relu"}],
                 "optimizer": {"type": "adam", "learningRate": 0.001}, "batchSize": 64, "epochs": 5, "seed": 42}
                """, ModelDefinition.class);
        ModelPlan plan = new DefinitionResolver(ModelProperties.defaults()).resolve(definition, Optional.of(info));
        DataPreparation.Prepared prepared = DataPreparation.prepare(table, plan);
        TrainedNetwork network = new Trainer().train(plan.design(), prepared.data(), prepared.preprocessor().target(),
                stats -> true).network();
        PredictionService service = BenchmarkPredictionService.of(prepared.preprocessor(), network);
        // The controller's helpers, as the service configures them by default (one fewer than the cores).
        BatchHelpers helpers = new BatchHelpers(new PredictionProperties(null, null, null, null));
        byte[] csv = rows(Files.readAllLines(train, StandardCharsets.UTF_8), ROWS);

        double endToEnd = best(runs, () -> CsvPredictions.predict(new ByteArrayInputStream(csv), ROWS, 1 << 20, Long.MAX_VALUE,
                (columns, rows, firstRow) -> service.predictTable(1, Optional.empty(), columns, rows,
                        i -> "row " + (firstRow + i + 1), null), helpers.executor()).length);
        double parseOnly = best(runs, () -> parse(csv));
        float[][] encoded = new float[ROWS][];
        for (int i = 0; i < ROWS; i++) {
            encoded[i] = prepared.data().trainX()[i % prepared.data().trainX().length];
        }
        double forwardOnly = best(runs, () -> network.predict(encoded).length);
        return new Result(ROWS, runs, endToEnd, parseOnly, forwardOnly);
    }

    /** The header, then the data lines over and over until there are {@code rows} of them. */
    private static byte[] rows(List<String> lines, int rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((lines.get(0) + "\n").getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < rows; i++) {
            out.writeBytes((lines.get(1 + i % (lines.size() - 1)) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static int parse(byte[] csv) {
        int cells = 0;
        try (var parser = de.siegmar.fastcsv.reader.CsvReader.builder()
                .ofCsvRecord(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8))) {
            for (var record : parser) {
                for (String value : record.getFields()) {
                    cells += value.isEmpty() ? 0 : 1;
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return cells;
    }

    private interface Work {
        int run();
    }

    /** Rows per second of the fastest run; the result is used so the JIT cannot drop the work. */
    private static double best(int runs, Work work) {
        long sink = 0;
        long fastest = Long.MAX_VALUE;
        for (int i = 0; i < 2 * runs; i++) {
            long start = System.nanoTime();
            sink += work.run();
            long took = System.nanoTime() - start;
            if (i >= runs) {
                fastest = Math.min(fastest, took);
            }
        }
        if (sink == 42) {
            System.out.print("");
        }
        return ROWS / (fastest / 1e9);
    }
}
